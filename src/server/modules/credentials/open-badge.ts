/**
 * The certificate of completion as an Open Badges 3.0 credential (a W3C Verifiable Credential of type
 * OpenBadgeCredential): who completed what, run by whom, with what attendance. Pure.
 */
import { createHash } from 'node:crypto';
import { programAreas, type ProgramAreaCode } from '../../../shared/vocabulary/index.ts';

export interface CompletionFacts {
  certificateId: string;
  issuedAt: Date;
  person: { displayName: string; email: string };
  program: {
    id: number; title: string; description: string; area: ProgramAreaCode; totalHours: number; credits: number;
    startsOn: string; endsOn: string; completionRate: number; sessionCount: number;
  };
  institution: { id: number; name: string; cityName: string };
  attended: number;
}

export const ISSUER_NAME = '평생학습도시 포털 (Learning City)';

export function issuerId(publicUrl: string): string {
  return `${publicUrl}/api/issuer`;
}

/** The first sentence or two of a description, as an achievement's summary. */
function summary(description: string): string {
  const sentences = description.split(/(?<=[.!?다요])\s+/).slice(0, 2).join(' ');
  return sentences.length > 300 ? `${sentences.slice(0, 297)}…` : sentences;
}

export function openBadgeCredential(facts: CompletionFacts, publicUrl: string, salt: string) {
  const { program, institution } = facts;
  const needed = Math.ceil(program.completionRate * program.sessionCount - 1e-9);
  const area = programAreas.get(program.area);
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${facts.certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerId(publicUrl), type: ['Profile'], name: ISSUER_NAME, url: publicUrl },
    validFrom: facts.issuedAt.toISOString(),
    name: `수료증: ${program.title}`,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.person.displayName },
        {
          type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt,
          identityHash: `sha256$${createHash('sha256').update(facts.person.email.toLowerCase() + salt).digest('hex')}`,
        },
      ],
      achievement: {
        id: `${publicUrl}/programs/${program.id}`,
        type: ['Achievement'],
        achievementType: 'Course',
        name: program.title,
        description: summary(program.description),
        criteria: { narrative: `출석률 ${Math.round(program.completionRate * 100)}% 이상 (전체 ${program.sessionCount}회 중 ${needed}회 이상 출석)` },
        creator: { id: `${publicUrl}/institutions/${institution.id}`, type: ['Profile'], name: `${institution.name} (${institution.cityName})` },
        fieldOfStudy: `${area.ko} (${area.en})`,
        ...(program.credits > 0 ? { creditsAvailable: program.credits } : {}),
      },
      ...(program.credits > 0 ? { creditsEarned: program.credits } : {}),
      activityStartDate: `${program.startsOn}T00:00:00+09:00`,
      activityEndDate: `${program.endsOn}T23:59:59+09:00`,
      result: [{ type: ['Result'], value: `출석 ${facts.attended}/${program.sessionCount}회, ${program.totalHours}시간` }],
    },
  };
  const seconds = Math.floor(facts.issuedAt.getTime() / 1000);
  // VC-JWT: the registered claims repeat the credential's issuer, id and date.
  return { iss: credential.issuer.id, jti: credential.id, nbf: seconds, iat: seconds, vc: credential };
}
