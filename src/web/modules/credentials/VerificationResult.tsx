/** Whether a credential is genuine, in words: for a genuine one who completed what and when; else why not. */
import type { Verification } from '../../../shared/contracts/credentials.ts';
import { useLocale } from '../../i18n/index.ts';
import { credentialFacts } from './credential.ts';

export function VerificationResult({ verification }: { verification: Verification }) {
  const { t, date } = useLocale();
  const facts = credentialFacts(verification.credential);
  if (!verification.valid) {
    return (
      <div className="lc-verdict invalid" role="status">
        <p className="lc-verdict-title"><span aria-hidden="true">✕ </span>{t('credentials.notVerified')}</p>
        <p>{t(`credentials.reasons.${verification.reason ?? 'malformed'}`)}</p>
        {facts?.program && <p className="lc-hint">{t('credentials.claimed', { learner: facts.learner, program: facts.program })}</p>}
      </div>
    );
  }
  return (
    <div className="lc-verdict valid" role="status">
      <p className="lc-verdict-title"><span aria-hidden="true">✓ </span>{t('credentials.verified')}</p>
      {facts && <p>{t('credentials.verifiedFacts', { learner: facts.learner, program: facts.program, institution: facts.institution, date: date(facts.issuedAt) })}</p>}
    </div>
  );
}
