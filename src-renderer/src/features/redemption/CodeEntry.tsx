import { BarcodeOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef, Typography } from 'antd';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { groupTypedDigits } from '../../../../src-shared/coupons/codes';
import styles from './RedemptionPage.module.css';

interface CodeEntryProps {
  /** Checks the typed code; true when it is done with (on the order), so the field clears. */
  onVerify: (code: string) => Promise<boolean>;
  busy: boolean;
  inputRef: RefObject<InputRef | null>;
}

/**
 * One large field for the code: typed and checked with Enter; scans arrive on their own. It keeps
 * its own text (the page starts it afresh with a new `key`), so typing redraws the field alone.
 */
export function CodeEntry({ onVerify, busy, inputRef }: CodeEntryProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const verify = async () => {
    if (await onVerify(value)) setValue('');
  };
  return (
    <div className={styles.codeEntry}>
      <label className={styles.fieldLabel} htmlFor="redemption-code">
        {t('redemption.code')}
      </label>
      <div className={styles.codeRow}>
        <Input
          id="redemption-code"
          ref={inputRef}
          size="large"
          className={styles.codeInput}
          prefix={<BarcodeOutlined />}
          placeholder={t('redemption.codePlaceholder')}
          value={value}
          onChange={(event) => setValue(groupTypedDigits(event.target.value))}
          onPressEnter={() => void verify()}
          autoComplete="off"
          spellCheck={false}
          autoFocus
        />
        <Button
          type="primary"
          size="large"
          className={styles.verifyButton}
          loading={busy}
          onClick={() => void verify()}
        >
          {t('redemption.verify')}
        </Button>
      </div>
      <Typography.Text type="secondary" className={styles.keysHint}>
        {t('redemption.keysHint')}
      </Typography.Text>
    </div>
  );
}
