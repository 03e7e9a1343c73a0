/** A certificate of completion to show and print (A4), with whether it verifies and the credential itself. */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import QRCode from 'qrcode';
import type { CertificateView } from '../../../shared/contracts/credentials.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { credentialFacts } from './credential.ts';
import { VerificationResult } from './VerificationResult.tsx';

/** A QR code of the page that checks this certificate, for the printed copy and for a phone held up to the screen. */
function VerifyCode({ id }: { id: string }) {
  const { t } = useLocale();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    const page = new URL('/verify', window.location.origin);
    page.searchParams.set('number', id);
    void QRCode.toString(page.href, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setSvg, () => setSvg(null));
  }, [id]);
  if (!svg) return null;
  return (
    <figure className="lc-certificate-qr">
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt="" width={112} height={112} />
      <figcaption>{t('credentials.qr')}</figcaption>
    </figure>
  );
}

function Certificate({ certificate }: { certificate: CertificateView }) {
  const { t, date } = useLocale();
  const facts = credentialFacts(certificate.verification.credential);
  if (!facts) return <VerificationResult verification={certificate.verification} />;
  return (
    <article className="lc-certificate" aria-labelledby="certificate-title">
      <p className="lc-certificate-kind" lang="en">Certificate of Completion</p>
      <h1 id="certificate-title" className="lc-title">{t('credentials.certificate')}</h1>
      <p className="lc-certificate-learner">{facts.learner}</p>
      <p>{t('credentials.statement')}</p>
      <dl className="lc-facts">
        <dt>{t('credentials.program')}</dt>
        <dd>{facts.programPath ? <Link to={facts.programPath}>{facts.program}</Link> : facts.program}</dd>
        <dt>{t('credentials.institution')}</dt><dd>{facts.institution}</dd>
        {facts.field && (<><dt>{t('credentials.field')}</dt><dd>{facts.field}</dd></>)}
        {facts.startsAt && (<><dt>{t('credentials.period')}</dt><dd>{date(facts.startsAt)} ~ {date(facts.endsAt)}</dd></>)}
        {facts.result && (<><dt>{t('credentials.result')}</dt><dd lang="ko">{facts.result}</dd></>)}
        {facts.criteria && (<><dt>{t('credentials.criteria')}</dt><dd lang="ko">{facts.criteria}</dd></>)}
        <dt>{t('credentials.issuedAt')}</dt><dd>{date(certificate.issuedAt)}</dd>
        <dt>{t('credentials.number')}</dt><dd className="lc-certificate-id">{certificate.id}</dd>
      </dl>
      <p className="lc-certificate-issuer">{facts.issuer}</p>
      <VerifyCode id={certificate.id} />
      <VerificationResult verification={certificate.verification} />
    </article>
  );
}

export function CertificatePage() {
  const { id = '' } = useParams();
  const { t } = useLocale();
  const certificate = useApi<CertificateView>(`/certificates/${encodeURIComponent(id)}`);
  return (
    <Loaded state={certificate}>
      {(c) => (
        <>
          <div className="lc-certificate-actions lc-no-print">
            <button type="button" className="krds-btn primary" onClick={() => window.print()}>{t('credentials.print')}</button>
            <CopyButton text={c.jwt} label={t('credentials.copy')} copied={t('credentials.copied')} failed={t('credentials.copyFailed')} />
            <Link to="/verify">{t('credentials.verifyOther')}</Link>
          </div>
          <Certificate certificate={c} />
          <details className="lc-credential lc-no-print">
            <summary>{t('credentials.json')}</summary>
            <p className="lc-hint">{t('credentials.jsonHint')}</p>
            <pre tabIndex={0}>{JSON.stringify(c.verification.credential, null, 2)}</pre>
          </details>
        </>
      )}
    </Loaded>
  );
}
