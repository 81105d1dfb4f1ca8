import type { WalletResponse } from '../wallet-data';
import { messages } from '../../../src-shared/consumer/messages';

const t = messages.member;

/** The merchant's member card of this phone: points and level. */
export function MemberCard({ member }: { member: NonNullable<WalletResponse['member']> }) {
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
    </section>
  );
}
