/** Credentials: certificates of completion as signed Open Badges 3.0 credentials, and their verification. */
import type { Executor } from '../../platform/database/database.ts';
import type { AppModule, ModuleContext } from '../index.ts';
import { certificatesOf } from './credentials.queries.ts';
import { registerCredentialRoutes } from './credentials.routes.ts';
import { issueCertificates } from './credentials.service.ts';

export const credentials = {
  name: 'credentials',
  register: registerCredentialRoutes,
  certificatesOf,
  issueCertificates: (db: Executor, enrolmentIds: readonly number[], config: ModuleContext['config']) =>
    issueCertificates(db, enrolmentIds, { publicUrl: config.publicUrl, signingKeyPem: config.credentialSigningKey }),
} satisfies AppModule & Record<string, unknown>;
