import { CloseOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillMember } from '../../../../src-shared/contract/members';
import { displayCode } from '../../../../src-shared/coupons/codes';
import { looksLikeMemberQr } from '../../../../src-shared/members/member-qr';
import { normalizeMainlandMobile } from '../../../../src-shared/phone';
import { useErrorText } from '../../i18n/error-text';
import { Money } from '../../ui/Money';
import { useLookupMember } from './members-queries';
import { SignUpDialog } from './SignUpDialog';
import styles from './Members.module.css';

/**
 * The member of the sale at the till: found by the phone or its last four digits, or signed up
 * on the spot; once chosen, their points and coupons are in view and the sale is theirs.
 */
export function TillMemberPanel({
  storeId,
  member,
  onChange,
  disabled,
  onUseCoupon,
}: {
  storeId: string | undefined;
  member: TillMember | null;
  onChange: (member: TillMember | null) => void;
  disabled: boolean;
  /** Adds one of the member's coupons to the sale. */
  onUseCoupon: (code: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const lookup = useLookupMember();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<TillMember[] | null>(null);
  const [signingUp, setSigningUp] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const find = async () => {
    const typed = text.trim();
    const phone = normalizeMainlandMobile(typed);
    // The wallet's member code (scanned into this field), the phone, or its last four digits.
    const query = looksLikeMemberQr(typed)
      ? { qr: typed }
      : phone
        ? { phone }
        : /^\d{4}$/.test(typed)
          ? { last4: typed }
          : null;
    if (!query) {
      setNote(t('validation.last4'));
      return;
    }
    setNote(null);
    try {
      const answer = await lookup.mutateAsync(query);
      if (answer.matches.length === 1) choose(answer.matches[0]!);
      else setMatches(answer.matches);
    } catch (error) {
      setNote(errorText(error));
    }
  };
  const choose = (found: TillMember) => {
    onChange(found);
    setMatches(null);
    setText('');
  };

  if (member)
    return (
      <div className={styles.tillMember} data-testid="till-member">
        <Space wrap>
          <Typography.Text strong>
            {t('members.till.attached', {
              name: member.name || t('members.till.anonymous'),
              phone: member.phoneMasked,
            })}
          </Typography.Text>
          {member.levelName && <Tag color="gold">{member.levelName}</Tag>}
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            disabled={disabled}
            onClick={() => onChange(null)}
            aria-label={t('members.till.detach')}
          />
        </Space>
        <div>
          {t('members.till.points', { points: member.pointsAvailable })}
          <Money fen={member.pointsValueFen} />
        </div>
        {member.couponCount > 0 && (
          <Typography.Text type="success">
            {t('members.till.coupons', { count: member.couponCount })}
          </Typography.Text>
        )}
        {member.coupons.length > 0 && (
          <Space wrap size={4}>
            {member.coupons.map((coupon) => (
              <Button
                key={coupon.code}
                size="small"
                disabled={disabled}
                onClick={() => onUseCoupon(coupon.code)}
              >
                {t('members.till.useCoupon', { name: coupon.templateName })}
              </Button>
            ))}
          </Space>
        )}
        {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      </div>
    );

  return (
    <div className={styles.tillMember}>
      <span>{t('members.till.label')}</span>
      <Space.Compact block>
        <Input
          size="large"
          inputMode="tel"
          allowClear
          disabled={disabled}
          placeholder={t('members.till.lookup')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={(event) => {
            event.preventDefault();
            void find();
          }}
          aria-label={t('members.till.lookup')}
        />
        <Button
          size="large"
          disabled={disabled}
          loading={lookup.isPending}
          onClick={() => void find()}
        >
          {t('members.till.find')}
        </Button>
        <Button
          size="large"
          icon={<UserAddOutlined />}
          disabled={disabled}
          onClick={() => setSigningUp(true)}
        >
          {t('members.till.signUp')}
        </Button>
      </Space.Compact>
      {note && <Typography.Text type="danger">{note}</Typography.Text>}
      {matches &&
        (matches.length === 0 ? (
          <Typography.Text type="secondary">{t('members.till.notFound')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={matches}
            renderItem={(found) => (
              <List.Item
                actions={[
                  <Button key="pick" size="small" onClick={() => choose(found)}>
                    {t('members.till.attach')}
                  </Button>,
                ]}
              >
                {found.phoneMasked} {found.name} {found.levelName}
              </List.Item>
            )}
          />
        ))}
      {signingUp && (
        <SignUpDialog
          storeId={storeId}
          initialPhone={normalizeMainlandMobile(text) ? text : ''}
          onCancel={() => setSigningUp(false)}
          onDone={(created, welcomeCode) => {
            setSigningUp(false);
            setNote(
              welcomeCode
                ? t('members.till.welcomeCode', { code: displayCode(welcomeCode) })
                : null,
            );
            // Found again as the till finds anyone: the welcome coupon, if any, ready to use.
            void lookup
              .mutateAsync({ phone: created.phone })
              .then((answer) => answer.matches[0] && choose(answer.matches[0]))
              .catch((error: unknown) => setNote(errorText(error)));
          }}
        />
      )}
    </div>
  );
}
