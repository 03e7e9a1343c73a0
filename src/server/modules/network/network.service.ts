/**
 * The institutions' network. Agreements: a party's manager proposes (and so accepts) one; it is signed when every
 * party's manager has accepted; any party may withdraw a proposal or end a signed one; each change locks the
 * agreement and writes its line in the append-only log in the same transaction. Resources: an institution offers
 * rooms and equipment with opening hours; partners under a signed, current agreement book slots within them, and
 * the database refuses overlapping bookings however many arrive at once. Programs may name partners that co-run them.
 */
import type { FastifyReply } from 'fastify';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { BookingBody, CityNetwork, OpeningHours, ProposeAgreementBody, ResourceBody } from '../../../shared/contracts/network.ts';
import { BOOKING_STEP_MINUTES, MAX_BOOKING_HOURS, weekdays, type AgreementStatus, type Weekday } from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { storeFile, streamFile } from '../../platform/files/files.queries.ts';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { institutionsModule } from '../institutions/index.ts';
import { programsModule } from '../programs/index.ts';
import * as queries from './network.queries.ts';

/** Who acts: the logged-in person, for their institution (the one in the path). */
export interface Acting {
  personId: number;
  displayName: string;
}

/** Whether a database error is the violation of an exclusion constraint (both drivers; drizzle wraps it). */
const excluded = (error: unknown) =>
  (error as { code?: string }).code === '23P01' || (error as { cause?: { code?: string } }).cause?.code === '23P01';

const notParty = () => notFound('The agreement', 'agreementId');

async function existingInstitution(db: Executor, institutionId: number) {
  const institution = await institutionsModule.findInstitution(db, institutionId);
  if (!institution) throw notFound('The institution', 'id');
  return institution;
}

/** The institution's city, for scoping officers' access (undefined: no such institution). */
export async function cityOfInstitution(db: Executor, institutionId: number): Promise<string | undefined> {
  return (await institutionsModule.findInstitution(db, institutionId))?.cityCode;
}

// Agreements ------------------------------------------------------------------------------------------------------

export async function proposeAgreement(db: AppDb, actor: Acting, institutionId: number, body: ProposeAgreementBody) {
  const today = todayInKorea();
  if (body.endsOn < body.startsOn) {
    throw badRequest({ ko: '협약 종료일은 시작일과 같거나 그 뒤여야 합니다.', en: 'The end date must be on or after the start date.' }, 'endsOn');
  }
  if (body.endsOn < today) throw badRequest({ ko: '이미 끝난 기간의 협약은 제안할 수 없습니다.', en: 'The period has already ended.' }, 'endsOn');
  if (body.partnerIds.includes(institutionId)) {
    throw badRequest({ ko: '협약 기관에 자기 기관을 넣을 수 없습니다. 상대 기관을 골라 주세요.', en: 'Choose the other institutions: yours is a party by proposing.' }, 'partnerIds');
  }
  const partyIds = [institutionId, ...body.partnerIds].sort((a, b) => a - b);
  try {
    return await db.transaction(async (tx) => {
      const proposer = await institutionsModule.lockInstitution(tx, institutionId);
      if (!proposer) throw notFound('The institution', 'id');
      const found = await queries.institutionsById(tx, body.partnerIds);
      if (found.length !== body.partnerIds.length) {
        throw badRequest({ ko: '협약 기관 중 찾을 수 없는 기관이 있습니다.', en: 'Some of the partner institutions were not found.' }, 'partnerIds');
      }
      const id = await queries.insertAgreement(tx, {
        cityCode: proposer.cityCode, title: body.title.trim(), partiesKey: partyIds.join(','), startsOn: body.startsOn, endsOn: body.endsOn,
        scopeAreas: body.scopeAreas, scopeText: body.scopeText.trim(), proposedByInstitutionId: institutionId, proposedBy: actor.personId,
      });
      await queries.insertParties(tx, id, partyIds);
      await queries.acceptParty(tx, id, institutionId, actor);
      const line = { agreementId: id, institutionId, institutionName: proposer.name, actorId: actor.personId, actorName: actor.displayName };
      await queries.appendLog(tx, { ...line, change: 'proposed', note: found.map((p) => p.name).join(', ') });
      await queries.appendLog(tx, { ...line, change: 'accepted' });
      return (await queries.agreement(tx, id, today))!;
    });
  } catch (error) {
    if (!excluded(error)) throw error;
    throw conflict({
      ko: '같은 기관들 사이에 기간이 겹치는 협약(제안 중이거나 체결된 협약)이 이미 있습니다. 그 협약을 종료하거나 기간을 바꿔 주세요.',
      en: 'These institutions already have a proposed or signed agreement over an overlapping period. End it or choose another period.',
    }, 'startsOn');
  }
}

/** Runs `change` on the agreement locked, after checking the institution is one of its parties. */
async function onAgreement<T>(
  db: AppDb, institutionId: number, agreementId: number,
  change: (tx: Executor, agreement: queries.LockedAgreement, institution: { id: number; name: string }, today: string) => Promise<T>,
): Promise<T> {
  const today = todayInKorea();
  return db.transaction(async (tx) => {
    const agreement = await queries.lockAgreement(tx, agreementId, today);
    if (!agreement || !agreement.partyIds.includes(institutionId)) throw notParty();
    const institution = await institutionsModule.lockInstitution(tx, institutionId);
    return change(tx, agreement, institution!, today);
  });
}

const wrongStatus = (status: AgreementStatus, wanted: string) => conflict({
  ko: `이 협약은 ${{ proposed: '제안 중', signed: '체결된', ended: '종료된', withdrawn: '철회된' }[status]} 상태라 ${wanted.split('|')[0]} 수 없습니다.`,
  en: `This agreement is ${status}: it cannot be ${wanted.split('|')[1]}.`,
}, 'agreementId');

export async function acceptAgreement(db: AppDb, actor: Acting, institutionId: number, agreementId: number) {
  return onAgreement(db, institutionId, agreementId, async (tx, agreement, institution, today) => {
    if (agreement.status !== 'proposed') throw wrongStatus(agreement.status, '서명할|accepted');
    if (agreement.acceptedIds.includes(institutionId)) {
      throw conflict({ ko: '이 기관은 이미 서명했습니다. 다른 기관의 서명을 기다리는 중입니다.', en: 'Your institution has already accepted; the others have yet to.' }, 'agreementId');
    }
    const line = { agreementId, institutionId, institutionName: institution.name, actorId: actor.personId, actorName: actor.displayName };
    const waiting = await queries.acceptParty(tx, agreementId, institutionId, actor);
    await queries.appendLog(tx, { ...line, change: 'accepted' });
    if (waiting === 0) {
      await queries.setAgreementStatus(tx, agreementId, 'signed');
      await queries.appendLog(tx, { ...line, change: 'signed' });
    }
    return (await queries.agreement(tx, agreementId, today))!;
  });
}

export async function withdrawAgreement(db: AppDb, actor: Acting, institutionId: number, agreementId: number) {
  return onAgreement(db, institutionId, agreementId, async (tx, agreement, institution, today) => {
    if (agreement.status !== 'proposed') throw wrongStatus(agreement.status, '철회할|withdrawn (end a signed one instead)');
    await queries.setAgreementStatus(tx, agreementId, 'withdrawn');
    await queries.appendLog(tx, { agreementId, institutionId, institutionName: institution.name, actorId: actor.personId, actorName: actor.displayName, change: 'withdrawn' });
    return (await queries.agreement(tx, agreementId, today))!;
  });
}

export async function endAgreement(db: AppDb, actor: Acting, institutionId: number, agreementId: number, reason: string) {
  return onAgreement(db, institutionId, agreementId, async (tx, agreement, institution, today) => {
    if (agreement.status !== 'signed') throw wrongStatus(agreement.status, '종료할|ended');
    await queries.setAgreementStatus(tx, agreementId, 'ended');
    await queries.appendLog(tx, {
      agreementId, institutionId, institutionName: institution.name, actorId: actor.personId, actorName: actor.displayName, change: 'ended', note: reason.trim(),
    });
    return (await queries.agreement(tx, agreementId, today))!;
  });
}

/** Attaches (or replaces) the signed document: a PDF only, kept with the platform's stored files. */
export async function attachDocument(db: AppDb, actor: Acting, institutionId: number, agreementId: number, file: { fileName: string; bytes: Uint8Array }) {
  return onAgreement(db, institutionId, agreementId, async (tx, agreement, institution, today) => {
    if (agreement.status === 'withdrawn') throw wrongStatus(agreement.status, '협약서를 올릴|given a document');
    const stored = await storeFile(tx, { fileName: file.fileName, bytes: file.bytes, cityCode: agreement.cityCode, uploadedBy: actor.personId });
    if (stored.documentType !== 'pdf') {
      throw new HttpError(415, 'unsupported_file', {
        ko: `‘${file.fileName}’ 파일은 PDF가 아닙니다. 서명된 협약서는 PDF로 올려 주세요.`, en: `‘${file.fileName}’ is not a PDF. Upload the signed agreement as a PDF.`,
      }, 'file');
    }
    await queries.setAgreementDocument(tx, agreementId, stored.id);
    await queries.appendLog(tx, {
      agreementId, institutionId, institutionName: institution.name, actorId: actor.personId, actorName: actor.displayName, change: 'document_attached', note: stored.fileName,
    });
    return (await queries.agreement(tx, agreementId, today))!;
  });
}

async function partyAgreement(db: Executor, institutionId: number, agreementId: number) {
  const agreement = await queries.agreement(db, agreementId, todayInKorea());
  if (!agreement || !agreement.parties.some((p) => p.institutionId === institutionId)) throw notParty();
  return agreement;
}

export const getAgreement = partyAgreement;

export async function downloadDocument(db: AppDb, institutionId: number, agreementId: number, reply: FastifyReply) {
  await partyAgreement(db, institutionId, agreementId);
  const fileId = await queries.agreementDocumentId(db, agreementId);
  if (!fileId) throw notFound('The signed document', 'agreementId');
  return streamFile(db, fileId, reply);
}

export async function listAgreements(db: AppDb, institutionId: number, status: AgreementStatus | undefined, page: PageRequest) {
  await existingInstitution(db, institutionId);
  return queries.agreementsOf(db, institutionId, status, todayInKorea(), page);
}

export async function listLog(db: AppDb, institutionId: number, agreementId: number, page: PageRequest) {
  await partyAgreement(db, institutionId, agreementId);
  return queries.logOf(db, agreementId, page);
}

// Shared resources --------------------------------------------------------------------------------------------------

const minutesOf = (hourMinute: string) => Number(hourMinute.slice(0, 2)) * 60 + Number(hourMinute.slice(3, 5));

async function checkedResource(db: Executor, institutionId: number, body: ResourceBody) {
  body.openingHours.forEach((hours, i) => {
    if (minutesOf(hours.closes) <= minutesOf(hours.opens)) {
      throw badRequest({ ko: `이용 시간 ${i + 1}: 닫는 시각은 여는 시각보다 늦어야 합니다.`, en: `Opening hours ${i + 1}: closing must be after opening.` }, 'openingHours');
    }
  });
  if (body.venueId !== null) {
    const venue = await institutionsModule.findVenue(db, body.venueId);
    if (!venue || venue.institutionId !== institutionId) throw badRequest({ ko: '이 기관의 장소가 아닙니다.', en: 'The venue does not belong to this institution.' }, 'venueId');
  }
  return { ...body, name: body.name.trim(), rules: body.rules.trim() };
}

export async function createResource(db: AppDb, institutionId: number, body: ResourceBody) {
  const institution = await existingInstitution(db, institutionId);
  const values = await checkedResource(db, institutionId, body);
  const id = await queries.insertResource(db, institutionId, institution.cityCode, values);
  return (await queries.resource(db, id))!;
}

async function ownResource(db: Executor, institutionId: number, resourceId: number) {
  const found = await queries.resource(db, resourceId);
  if (!found || found.institutionId !== institutionId) throw notFound('The resource', 'resourceId');
  return found;
}

export async function updateResource(db: AppDb, institutionId: number, resourceId: number, body: ResourceBody) {
  await ownResource(db, institutionId, resourceId);
  await queries.updateResource(db, resourceId, await checkedResource(db, institutionId, body));
  return (await queries.resource(db, resourceId))!;
}

export async function listResources(db: AppDb, institutionId: number, page: PageRequest) {
  await existingInstitution(db, institutionId);
  return queries.resourcesOf(db, institutionId, page);
}

export async function listPartnerResources(db: AppDb, institutionId: number, page: PageRequest) {
  await existingInstitution(db, institutionId);
  return queries.partnerResources(db, institutionId, todayInKorea(), page);
}

/** A resource as the institution may see it: its own, or a partner's it may book. */
async function visibleResource(db: Executor, institutionId: number, resourceId: number) {
  const found = await queries.resource(db, resourceId);
  if (!found) throw notFound('The resource', 'resourceId');
  if (found.institutionId === institutionId) return found;
  if (!found.offered || !(await queries.currentAgreementBetween(db, institutionId, found.institutionId, todayInKorea()))) throw notFound('The resource', 'resourceId');
  return found;
}

export async function resourceBookings(db: AppDb, institutionId: number, resourceId: number, from: string | undefined, page: PageRequest) {
  await visibleResource(db, institutionId, resourceId);
  return queries.bookingsOfResource(db, resourceId, from ?? new Date().toISOString(), page);
}

export async function listBookings(db: AppDb, institutionId: number, from: string | undefined, page: PageRequest) {
  await existingInstitution(db, institutionId);
  return queries.bookingsOfInstitution(db, institutionId, from ?? new Date().toISOString(), page);
}

// Bookings ------------------------------------------------------------------------------------------------------------

const KST_MS = 9 * 3_600_000;
const weekdayByDay: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A moment as Korea reads it: its day, weekday and minute of the day. */
function inKorea(moment: Date) {
  const local = new Date(moment.getTime() + KST_MS);
  return { day: local.toISOString().slice(0, 10), weekday: weekdayByDay[local.getUTCDay()]!, minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}
const hourMinute = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** A slot people read: '2026년 12월 8일 10:00–12:00' (Korean time). */
function slotWords(startsAt: string, endsAt: string) {
  const start = inKorea(new Date(startsAt));
  const end = inKorea(new Date(endsAt));
  const [y, m, d] = start.day.split('-').map(Number);
  return {
    ko: `${y}년 ${m}월 ${d}일 ${hourMinute(start.minute)}–${hourMinute(end.minute)}`,
    en: `${start.day} ${hourMinute(start.minute)}–${hourMinute(end.minute)} (Korean time)`,
  };
}

/** Whether the slot lies within one of the day's opening hours; the hours of that weekday otherwise, for the message. */
function withinOpeningHours(hours: readonly OpeningHours[], startsAt: Date, endsAt: Date): { ok: true } | { ok: false; day: OpeningHours[] } {
  const start = inKorea(startsAt);
  const end = inKorea(new Date(endsAt.getTime() - 1));
  const day = hours.filter((h) => h.weekday === start.weekday);
  const fits = start.day === end.day && day.some((h) => minutesOf(h.opens) <= start.minute && end.minute + 1 / 60_000 <= minutesOf(h.closes));
  return fits ? { ok: true } : { ok: false, day };
}

function checkSlot(resource: { openingHours: OpeningHours[] }, body: BookingBody): { startsAt: string; endsAt: string } {
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  const step = BOOKING_STEP_MINUTES * 60_000;
  if (startsAt.getTime() % step !== 0) {
    throw badRequest({ ko: `시작 시각은 ${BOOKING_STEP_MINUTES}분 단위로 골라 주세요.`, en: `Start on a ${BOOKING_STEP_MINUTES}-minute step.` }, 'startsAt');
  }
  if (endsAt.getTime() % step !== 0) {
    throw badRequest({ ko: `끝나는 시각은 ${BOOKING_STEP_MINUTES}분 단위로 골라 주세요.`, en: `End on a ${BOOKING_STEP_MINUTES}-minute step.` }, 'endsAt');
  }
  if (endsAt <= startsAt) throw badRequest({ ko: '끝나는 시각은 시작 시각보다 늦어야 합니다.', en: 'The end must be after the start.' }, 'endsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_BOOKING_HOURS * 3_600_000) {
    throw badRequest({ ko: `한 번에 ${MAX_BOOKING_HOURS}시간까지 예약할 수 있습니다.`, en: `A booking lasts at most ${MAX_BOOKING_HOURS} hours.` }, 'endsAt');
  }
  if (startsAt.getTime() < Date.now()) throw badRequest({ ko: '지난 시간은 예약할 수 없습니다.', en: 'This time has passed.' }, 'startsAt');
  const fit = withinOpeningHours(resource.openingHours, startsAt, endsAt);
  if (!fit.ok) {
    const day = weekdays.get(inKorea(startsAt).weekday);
    const open = fit.day.map((h) => `${h.opens}–${h.closes}`).join(', ');
    throw badRequest({
      ko: open ? `${day.ko}요일 이용 시간(${open}) 안에서 예약해 주세요.` : `${day.ko}요일에는 이용할 수 없습니다.`,
      en: open ? `Book within ${day.en}'s opening hours (${open}).` : `It is not open on ${day.en}.`,
    }, 'startsAt');
  }
  return { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
}

/**
 * Books a partner's resource for the institution. Only a partner under a signed, current agreement may; the slot
 * must lie within the day's opening hours. Two requests for overlapping times may arrive together: the database's
 * exclusion constraint lets exactly one in, and the others hear who holds the time (409).
 */
export async function book(db: AppDb, actor: Acting, institutionId: number, body: BookingBody) {
  await existingInstitution(db, institutionId);
  const found = await queries.resource(db, body.resourceId);
  if (!found) throw notFound('The resource', 'resourceId');
  if (found.institutionId === institutionId) {
    throw badRequest({ ko: '자기 기관의 공간·장비는 협력 예약 대상이 아닙니다.', en: 'Your own institution’s resources are not booked through partners.' }, 'resourceId');
  }
  if (!(await queries.currentAgreementBetween(db, institutionId, found.institutionId, todayInKorea()))) {
    throw forbidden({
      ko: `${found.institutionName}과(와) 체결된 유효한 협약이 없어 예약할 수 없습니다. 협약이 체결된 협력 기관만 예약할 수 있습니다.`,
      en: `Your institution has no signed, current agreement with ${found.institutionName}: only partners may book.`,
    });
  }
  if (!found.offered) throw conflict({ ko: '지금은 협력 기관에 제공하지 않는 공간·장비입니다.', en: 'This resource is not offered to partners at the moment.' }, 'resourceId');
  const slot = checkSlot(found, body);
  if (body.programId !== null) {
    const program = await queries.programOwner(db, body.programId);
    if (!program || program.institutionId !== institutionId) throw badRequest({ ko: '이 기관의 프로그램이 아닙니다.', en: 'The program is not one of your institution’s.' }, 'programId');
  }
  try {
    const id = await queries.insertBooking(db, {
      resourceId: found.id, ownerInstitutionId: found.institutionId, bookingInstitutionId: institutionId, ...slot,
      purpose: body.purpose.trim(), programId: body.programId, bookedBy: actor.personId, bookedByName: actor.displayName,
    });
    return (await queries.booking(db, id))!;
  } catch (error) {
    if (!excluded(error)) throw error;
    const holder = await queries.overlappingBooking(db, found.id, slot.startsAt, slot.endsAt);
    const taken = holder ? slotWords(holder.startsAt, holder.endsAt) : slotWords(slot.startsAt, slot.endsAt);
    throw new HttpError(409, 'slot_taken', {
      ko: `‘${found.name}’은(는) ${taken.ko}에 이미 예약되어 있습니다. 다른 시간을 골라 주세요.`,
      en: `‘${found.name}’ is already booked for ${taken.en}. Choose another time.`,
    }, 'startsAt');
  }
}

/** Cancels a booking: the institution that booked it, or the resource's owner. */
export async function cancelBooking(db: AppDb, actor: Acting, institutionId: number, bookingId: number) {
  await db.transaction(async (tx) => {
    const found = await queries.lockBooking(tx, bookingId);
    if (!found || (found.bookingInstitutionId !== institutionId && found.ownerInstitutionId !== institutionId)) throw notFound('The booking', 'bookingId');
    if (found.status === 'cancelled') throw conflict({ ko: '이미 취소된 예약입니다.', en: 'This booking is already cancelled.' }, 'bookingId');
    await queries.cancelBooking(tx, bookingId, actor.displayName);
  });
  return (await queries.booking(db, bookingId))!;
}

/** Where a program is held in partners' rooms, for whoever may see the program (residents, once it is published). */
export async function programRooms(db: AppDb, viewer: Actor | null, programId: number, page: PageRequest) {
  await programsModule.visibleProgram(db, viewer, programId);
  return queries.roomsOfProgram(db, programId, new Date().toISOString(), page);
}

// Joint programs ----------------------------------------------------------------------------------------------------

async function ownProgram(db: Executor, institutionId: number, programId: number) {
  const program = await queries.programOwner(db, programId);
  if (!program || program.institutionId !== institutionId) throw notFound('The program', 'programId');
  return program;
}

/** Names a partner as co-running the institution's program, under their signed, current agreement. */
export async function addJointPartner(db: AppDb, actor: Acting, institutionId: number, programId: number, partnerId: number) {
  const program = await ownProgram(db, institutionId, programId);
  const today = todayInKorea();
  await db.transaction(async (tx) => {
    const agreementId = await queries.currentAgreementBetween(tx, institutionId, partnerId, today);
    if (!agreementId) {
      throw conflict({ ko: '이 기관과 체결된 유효한 협약이 없어 공동 운영 기관으로 넣을 수 없습니다.', en: 'There is no signed, current agreement with this institution.' }, 'partnerId');
    }
    const institution = await institutionsModule.lockInstitution(tx, institutionId);
    if (!(await queries.addProgramPartner(tx, programId, partnerId, agreementId))) return;
    await queries.appendLog(tx, {
      agreementId, institutionId, institutionName: institution!.name, actorId: actor.personId, actorName: actor.displayName,
      change: 'program_joined', note: program.title, programId,
    });
  });
}

export async function removeJointPartner(db: AppDb, actor: Acting, institutionId: number, programId: number, partnerId: number) {
  const program = await ownProgram(db, institutionId, programId);
  await db.transaction(async (tx) => {
    const removed = await queries.removeProgramPartner(tx, programId, partnerId);
    if (!removed) throw notFound('The partner', 'partnerId');
    const institution = await institutionsModule.lockInstitution(tx, institutionId);
    await queries.appendLog(tx, {
      agreementId: removed.agreementId, institutionId, institutionName: institution!.name, actorId: actor.personId, actorName: actor.displayName,
      change: 'program_left', note: program.title, programId,
    });
  });
}

export async function listJointPrograms(db: AppDb, institutionId: number, publishedOnly: boolean, page: PageRequest) {
  await existingInstitution(db, institutionId);
  return queries.jointProgramsOf(db, institutionId, publishedOnly, page);
}

// The city's network ------------------------------------------------------------------------------------------------

/**
 * The city's institutions and their signed, current partnerships as a graph (graphology), with partners per
 * institution, those with none, links across 행정동, bridges (links whose removal splits a group), density,
 * betweenness and the number of connected groups.
 */
export async function cityNetwork(db: AppDb, cityCode: string): Promise<CityNetwork> {
  const asOf = todayInKorea();
  const [institutions, pairs] = await Promise.all([queries.cityInstitutions(db, cityCode), queries.cityPartnerships(db, cityCode, asOf)]);
  // The graph library is loaded with the first network asked for, not at every start of the server.
  const [{ default: Graph }, { countConnectedComponents }, { default: betweenness }, { density }] = await Promise.all([
    import('graphology'), import('graphology-components'), import('graphology-metrics/centrality/betweenness.js'), import('graphology-metrics/graph/density.js'),
  ]);
  const graph = new Graph({ type: 'undirected' });
  for (const i of institutions) graph.addNode(String(i.institutionId), { dongCode: i.dongCode });
  for (const p of pairs) graph.addEdge(String(p.source), String(p.target));
  const components = countConnectedComponents(graph);
  const central = graph.order > 2 ? betweenness(graph, { normalized: true }) : {};
  const dongOf = new Map(institutions.map((i) => [String(i.institutionId), i.dongCode]));
  const edges = pairs.map((p) => {
    const [source, target] = [String(p.source), String(p.target)];
    const edge = graph.edge(source, target)!;
    graph.dropEdge(edge);
    const bridge = countConnectedComponents(graph) > components;
    graph.addEdge(source, target);
    return { source: p.source, target: p.target, agreements: p.agreements, crossesDongs: dongOf.get(source) !== dongOf.get(target), bridge };
  });
  const nodes = institutions.map((i) => {
    const key = String(i.institutionId);
    const neighbours = graph.neighbors(key);
    return {
      ...i, partners: neighbours.length,
      partnersInOtherDongs: neighbours.filter((n) => dongOf.get(n) !== i.dongCode).length,
      betweenness: Math.round((central[key] ?? 0) * 1000) / 1000,
    };
  });
  return {
    cityCode, asOf, nodes, edges,
    measures: {
      institutions: graph.order,
      agreements: graph.size,
      withoutPartner: nodes.filter((n) => n.partners === 0).length,
      linksAcrossDongs: edges.filter((e) => e.crossesDongs).length,
      bridges: edges.filter((e) => e.bridge).length,
      density: graph.order > 1 ? Math.round(density(graph) * 10_000) / 10_000 : 0,
      averagePartners: graph.order > 0 ? Math.round((2 * graph.size / graph.order) * 100) / 100 : 0,
      components,
    },
  };
}
