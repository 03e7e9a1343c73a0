/** Credentials: certificates of completion as signed Open Badges 3.0 credentials, and their verification. */
import type { Executor } from '../../platform/database/database.ts';
import type { AppModule, ModuleContext } from '../index.ts';
import { certificateIdOf, certificatesOf, reinstateCertificateOf, revokeCertificateOf } from './credentials.queries.ts';
import { registerCredentialRoutes } from './credentials.routes.ts';
import { issueCertificates } from './credentials.service.ts';

export const credentials = {
  name: 'credentials',
  register: registerCredentialRoutes,
  certificatesOf,
  // One learner's completion withdrawn (the verification then says 'revoked'), or granted again.
  revokeCertificateOf,
  reinstateCertificateOf,
  certificateIdOf,
  issueCertificates: (db: Executor, enrolmentIds: readonly number[], config: ModuleContext['config']) =>
    issueCertificates(db, enrolmentIds, { publicUrl: config.publicUrl, signingKeyPem: config.credentialSigningKey }),
} satisfies AppModule & Record<string, unknown>;
