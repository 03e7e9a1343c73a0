/** Reading an Open Badges 3.0 credential for people: who, what, run by whom, when. */

export interface CredentialFacts {
  name: string;
  learner: string;
  program: string;
  programPath: string | null;
  description: string;
  criteria: string;
  institution: string;
  field: string;
  result: string;
  issuer: string;
  issuedAt: string;
  startsAt: string;
  endsAt: string;
}

type Loose = Record<string, unknown> | undefined;

const object = (value: unknown): Loose => (value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const first = (value: unknown): Loose => object(Array.isArray(value) ? value[0] : undefined);

/** The facts in a credential; missing parts read as empty (an altered credential may lack some). */
export function credentialFacts(credential: object | null): CredentialFacts | null {
  const vc = object(credential);
  if (!vc) return null;
  const subject = object(vc.credentialSubject);
  const achievement = object(subject?.achievement);
  const identifiers = Array.isArray(subject?.identifier) ? (subject.identifier as unknown[]) : [];
  const name = identifiers.map(object).find((id) => id?.identityType === 'name');
  const programUrl = text(achievement?.id);
  return {
    name: text(vc.name),
    learner: text(name?.identityHash),
    program: text(achievement?.name),
    // The achievement's id is the program's page on the portal that issued it.
    programPath: /\/programs\/\d+$/.exec(programUrl)?.[0] ?? null,
    description: text(achievement?.description),
    criteria: text(object(achievement?.criteria)?.narrative),
    institution: text(object(achievement?.creator)?.name),
    field: text(achievement?.fieldOfStudy),
    result: text(first(subject?.result)?.value),
    issuer: text(object(vc.issuer)?.name),
    issuedAt: text(vc.validFrom),
    startsAt: text(subject?.activityStartDate),
    endsAt: text(subject?.activityEndDate),
  };
}
