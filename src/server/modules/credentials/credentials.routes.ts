import Type from 'typebox';
import { CertificateView, Issuer, Verification, VerifyBody } from '../../../shared/contracts/credentials.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './credentials.service.ts';

const tags = ['credentials'];

export function registerCredentialRoutes(api: Api, { database, config }: ModuleContext): void {
  const { db } = database;

  api.get('/certificates/:id', {
    schema: {
      tags, summary: 'A certificate of completion and whether it verifies (public: the holder shares this link)',
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: CertificateView, ...errorResponses },
    },
  }, (request) => service.certificateView(db, request.params.id));

  api.post('/certificates/verify', {
    schema: { tags, summary: 'Verify a credential someone shows you', body: VerifyBody, response: { 200: Verification, ...errorResponses } },
  }, (request) => service.verifyCredential(db, request.body.credential));

  api.get('/issuer', {
    schema: { tags, summary: 'The issuer of certificates and its public keys (Open Badges Profile, JWK)', response: { 200: Issuer } },
  }, () => service.issuerProfile(db, config.publicUrl));
}
