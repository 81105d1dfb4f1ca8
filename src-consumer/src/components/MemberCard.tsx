import Button from 'antd-mobile/es/components/button';
import type { WalletResponse } from '../wallet-data';
import { messages } from '../../../src-shared/consumer/messages';
import { navigate, pathOf } from '../route';

const t = messages.member;

/** The merchant's member card of this phone: points, level, and the member code for the till. */
export function MemberCard({
  merchantCode,
  member,
}: {
  merchantCode: string;
  member: NonNullable<WalletResponse['member']>;
}) {
  return (
    <section className="member-card" aria-label={t.title}>
      <div className="member-title">
        {t.title}
        {member.name ? ` · ${member.name}` : ''}
      </div>
      <div className="member-row">
        <div>
          <div className="member-value">{member.points}</div>
          <div className="small">{t.points}</div>
        </div>
        <div>
          <div className="member-value">{member.levelName ?? t.noLevel}</div>
          <div className="small">{t.level}</div>
        </div>
      </div>
      {member.code && (
        <Button
          size="small"
          shape="rounded"
          className="member-code-button"
          onClick={() => navigate(pathOf.member(merchantCode))}
        >
          {t.showCode}
        </Button>
      )}
    </section>
  );
}
