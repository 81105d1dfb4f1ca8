import { StopOutlined, TagOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOutreachSettings } from './outreach-queries';
import { UNSUBSCRIBE_TEXT } from './outreach-text';
import styles from './Outreach.module.css';

const ENDS_WITH_PAUSE = /[\s，。！？、；：,.!?;:]$/;

/** The text with the 【signature】 in front (unless it is already at its start or end). */
export function withSignature(text: string, signature: string): string {
  const signed = `【${signature}】`;
  const body = text.trim();
  if (body.startsWith(signed) || body.endsWith(signed)) return text;
  return `${signed}${text.trimStart()}`;
}

/** The text with 拒收请回复R at its end (before a signature that closes it). */
export function withUnsubscribe(text: string, signature: string): string {
  if (text.includes(UNSUBSCRIBE_TEXT)) return text;
  const signed = signature ? `【${signature}】` : null;
  let body = text.trimEnd();
  let tail = '';
  if (signed && body.endsWith(signed) && body !== signed) {
    body = body.slice(0, -signed.length).trimEnd();
    tail = signed;
  }
  const joint = body === '' || ENDS_WITH_PAUSE.test(body) || body.endsWith('】') ? '' : '，';
  return `${body}${joint}${UNSUBSCRIBE_TEXT}${tail}`;
}

/**
 * The SMS text (a form control): a textarea and two buttons that put in what the carriers ask
 * for, the merchant's 【签名】 (from 营销设置) and the unsubscribe text. The checker beside it
 * says what is still wrong.
 */
export function MessageEditor({
  value = '',
  onChange,
  id,
  placeholder,
  disabled,
}: {
  value?: string;
  onChange?: (text: string) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const settings = useOutreachSettings();
  const signature = settings.data?.signature ?? '';
  return (
    <div className={styles.message}>
      <Input.TextArea
        id={id}
        value={value}
        onChange={(event) => onChange?.(event.target.value)}
        maxLength={500}
        autoSize={{ minRows: 4, maxRows: 10 }}
        placeholder={placeholder}
        disabled={disabled}
      />
      <Space size={8} wrap>
        <Tooltip title={signature ? null : t('outreach.message.noSignature')}>
          <Button
            size="small"
            icon={<TagOutlined />}
            // Without a signature, always; else as the form says (a locked form disables it).
            disabled={!signature ? true : disabled}
            onClick={() => onChange?.(withSignature(value, signature))}
          >
            {signature
              ? `${t('outreach.message.insertSignature')} 【${signature}】`
              : t('outreach.message.insertSignature')}
          </Button>
        </Tooltip>
        <Button
          size="small"
          icon={<StopOutlined />}
          disabled={disabled}
          onClick={() => onChange?.(withUnsubscribe(value, signature))}
        >
          {`${t('outreach.message.insertUnsubscribe')} ${UNSUBSCRIBE_TEXT}`}
        </Button>
      </Space>
    </div>
  );
}
