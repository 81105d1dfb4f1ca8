import { Button, Empty, Input, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RejectedTyping } from '../../../../src-shared/scanner/wedge-decoder';
import { useRejectedTyping, useScanHandler, type ScanInfo } from '../../scanning/scanner-context';
import styles from './ScannerSettingsPage.module.css';

/** One line of the test area: a scan, or keys the decoder judged a person's typing. */
type TestLine = { kind: 'scan'; scan: ScanInfo } | { kind: 'typing'; typing: RejectedTyping };
type TestEntry = TestLine & { id: number };

const MAX_ENTRIES = 20;

const formatMs = (ms: number) => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toString());

/**
 * The live test area: every scan while the page is open, with its length and key timing, and
 * every bit of typing that was not taken for a scan, with the reason. Scans are held here, so
 * scanning on this page tests the scanner and does nothing else.
 */
export function ScanTestArea() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<TestEntry[]>([]);
  const lastId = useRef(0);
  const add = (line: TestLine) => {
    const id = ++lastId.current;
    setEntries((earlier) => [{ ...line, id }, ...earlier].slice(0, MAX_ENTRIES));
  };

  useScanHandler((text, scan) => {
    add({ kind: 'scan', scan });
    return { ok: true, message: t('scanner.test.detected', { count: text.length }) };
  });
  useRejectedTyping((typing) => add({ kind: 'typing', typing }));

  return (
    <div className={styles.testArea}>
      <Typography.Paragraph type="secondary">{t('scanner.test.hint')}</Typography.Paragraph>
      <Input
        aria-label={t('scanner.test.field')}
        placeholder={t('scanner.test.fieldPlaceholder')}
        className={styles.testField}
      />
      <div className={styles.testHeader}>
        <Typography.Text strong>{t('scanner.test.results')}</Typography.Text>
        <Button size="small" onClick={() => setEntries([])} disabled={!entries.length}>
          {t('scanner.test.clear')}
        </Button>
      </div>
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scanner.test.empty')} />
      ) : (
        <ol className={styles.entries} aria-label={t('scanner.test.results')}>
          {entries.map((entry) =>
            entry.kind === 'scan' ? (
              <ScanLine key={entry.id} scan={entry.scan} />
            ) : (
              <TypingLine key={entry.id} typing={entry.typing} />
            ),
          )}
        </ol>
      )}
    </div>
  );
}

function ScanLine({ scan }: { scan: ScanInfo }) {
  const { t } = useTranslation();
  const facts = [
    t('scanner.test.length', { count: scan.text.length }),
    scan.timing && t('scanner.test.averageGap', { ms: formatMs(scan.timing.averageGapMs) }),
    scan.timing && t('scanner.test.duration', { ms: formatMs(scan.timing.durationMs) }),
    scan.symbology,
    scan.deviceName,
  ].filter(Boolean);
  return (
    <li className={styles.entry} data-testid="scan-test-entry" data-kind="scan">
      <div className={styles.entryHead}>
        <Tag color="success">{t('scanner.test.scan')}</Tag>
        <Tag>{t(`scanner.test.sources.${scan.source}`)}</Tag>
        <span className={styles.entryData}>{scan.text}</span>
      </div>
      <Typography.Text type="secondary" className={styles.entryFacts}>
        {facts.join(' · ')}
      </Typography.Text>
    </li>
  );
}

function TypingLine({ typing }: { typing: RejectedTyping }) {
  const { t } = useTranslation();
  const facts = [
    t('scanner.test.keys', { count: typing.text.length }),
    t('scanner.test.averageGap', { ms: formatMs(typing.averageGapMs) }),
    t(`scanner.test.reasons.${typing.reason}`),
  ];
  return (
    <li className={styles.entry} data-testid="scan-test-entry" data-kind="typing">
      <div className={styles.entryHead}>
        <Tag color="warning">{t('scanner.test.typing')}</Tag>
        <span className={styles.entryData}>{typing.text}</span>
      </div>
      <Typography.Text type="secondary" className={styles.entryFacts}>
        {facts.join(' · ')}
      </Typography.Text>
    </li>
  );
}
