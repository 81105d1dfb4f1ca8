import { Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  type Member,
} from '../../../../src-shared/contract/members';
import { normalizeMainlandMobile } from '../../../../src-shared/phone';
import { useErrorText } from '../../i18n/error-text';
import { useCreateMember, useMemberSettings } from './members-queries';

/**
 * 登记会员 at the till, in seconds: the phone (prefilled from the lookup), an optional name and
 * birthday, and each consent on its own with the text the customer is shown, kept with the answer.
 */
export function SignUpDialog({
  storeId,
  initialPhone,
  onDone,
  onCancel,
}: {
  storeId: string | undefined;
  initialPhone: string;
  onDone: (member: Member, welcomeCode: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const settings = useMemberSettings();
  const create = useCreateMember();
  const [phone, setPhone] = useState(initialPhone);
  const [name, setName] = useState('');
  const [birthday, setBirthday] = useState('');
  const [granted, setGranted] = useState<Record<ConsentPurpose, boolean>>({
    marketingSms: false,
    location: false,
    profiling: false,
  });
  const [error, setError] = useState<string | null>(null);
  const phoneOk = !!normalizeMainlandMobile(phone);
  const birthdayOk =
    birthday.trim() === '' || /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(birthday.trim());
  const texts = settings.data?.consentTexts;

  const submit = async () => {
    if (!phoneOk || !birthdayOk || !texts) return;
    setError(null);
    try {
      const answer = await create.mutateAsync({
        phone,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(birthday.trim() ? { birthday: birthday.trim() } : {}),
        ...(storeId ? { storeId } : {}),
        source: 'till',
        // Every purpose is answered, yes or no, with the text shown.
        consents: CONSENT_PURPOSES.map((purpose) => ({
          purpose,
          granted: granted[purpose],
          textShown: texts[purpose],
        })),
      });
      onDone(answer.member, answer.welcomeCode);
    } catch (caught) {
      setError(errorText(caught));
    }
  };

  return (
    <Modal
      open
      title={t('members.till.signUpTitle')}
      okText={t('members.till.submit')}
      onOk={() => void submit()}
      onCancel={onCancel}
      okButtonProps={{ disabled: !phoneOk || !birthdayOk || !texts, loading: create.isPending }}
      destroyOnHidden
    >
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          label={t('members.till.phone')}
          validateStatus={phone && !phoneOk ? 'error' : undefined}
          help={phone && !phoneOk ? t('validation.phone') : undefined}
        >
          <Input
            size="large"
            inputMode="tel"
            autoFocus
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            aria-label={t('members.till.phone')}
          />
        </Form.Item>
        <Form.Item label={t('members.till.name')}>
          <Input
            value={name}
            maxLength={40}
            onChange={(event) => setName(event.target.value)}
            aria-label={t('members.till.name')}
          />
        </Form.Item>
        <Form.Item
          label={t('members.till.birthday')}
          validateStatus={birthdayOk ? undefined : 'error'}
          help={birthdayOk ? undefined : t('validation.birthday')}
        >
          <Input
            value={birthday}
            placeholder={t('members.till.birthdayPlaceholder')}
            onChange={(event) => setBirthday(event.target.value)}
            aria-label={t('members.till.birthday')}
          />
        </Form.Item>
        <Typography.Text strong>{t('members.till.consents')}</Typography.Text>
        {CONSENT_PURPOSES.map((purpose) => (
          <div key={purpose}>
            <Checkbox
              checked={granted[purpose]}
              onChange={(event) => setGranted({ ...granted, [purpose]: event.target.checked })}
              aria-label={t(`members.purposes.${purpose}`)}
            >
              <Typography.Text strong>{t(`members.purposes.${purpose}`)}</Typography.Text>：
              {texts?.[purpose]}
            </Checkbox>
          </div>
        ))}
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
