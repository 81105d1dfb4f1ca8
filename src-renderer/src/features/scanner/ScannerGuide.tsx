import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The topics of the set-up guide, in the order a shop meets them. */
const TOPICS = ['modes', 'suffix', 'ime', 'speed', 'brands'] as const;

/**
 * How to set up the scanners shops buy: most are configured by scanning the set-up bar codes in
 * their manual, so the guide names those codes in words.
 */
export function ScannerGuide() {
  const { t } = useTranslation();
  return (
    <Collapse
      defaultActiveKey={['modes', 'suffix']}
      items={TOPICS.map((topic) => ({
        key: topic,
        label: t(`scanner.guide.${topic}.title`),
        // One paragraph per line of the text.
        children: t(`scanner.guide.${topic}.text`)
          .split('\n')
          .map((line) => <Typography.Paragraph key={line}>{line}</Typography.Paragraph>),
      }))}
    />
  );
}
