import { and, eq } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import type { CloudDb } from '../db/open';
import type { merchants } from '../merchants/schema';
import { chainStores } from '../projections/schema';
import { unavailableReason, type IssuanceRow, type TemplateRow } from './availability';
import { findIssuance, findTemplate } from './claims';
import { storeDefaultTemplate, storePosterTerms } from './store-posters';

type Offer = EndpointOutput<'consumers.issuanceOffer'>;
type Merchant = typeof merchants.$inferSelect;

/** What a claim page shows before sign-in: the coupon, what is left, and why not, if not. */
export class WalletOffers {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
  ) {}

  private async storeName(merchantId: string, storeId: string | null) {
    if (!storeId) return null;
    const [store] = await this.db
      .select({ name: chainStores.name })
      .from(chainStores)
      .where(and(eq(chainStores.merchantId, merchantId), eq(chainStores.storeId, storeId)));
    return store?.name || null;
  }

  async ofIssuance(merchant: Merchant, issuanceId: string): Promise<Offer> {
    const issuance = await findIssuance(this.db, merchant.id, issuanceId);
    // A store poster's issuance is reached by its store's address only.
    if (!issuance || issuance.source !== 'desktop')
      throw new AppError('NOT_FOUND', { entity: 'issuance', id: issuanceId });
    const template = await findTemplate(this.db, merchant.id, issuance.templateId);
    if (!template) throw new AppError('NOT_FOUND', { entity: 'issuance', id: issuanceId });
    return this.offer(merchant, issuance, template, issuance.title, issuance.storeId);
  }

  async ofStore(merchant: Merchant, storeId: string): Promise<Offer> {
    const template = await storeDefaultTemplate(this.db, merchant.id, storeId);
    // No claim made yet: the poster's terms, as its issuance will have them.
    const poster = storePosterTerms(merchant.id, '', storeId, template, this.clock.now());
    return this.offer(merchant, poster, template, template.name, storeId);
  }

  private async offer(
    merchant: Merchant,
    issuance: IssuanceRow,
    template: TemplateRow,
    title: string,
    storeId: string | null,
  ): Promise<Offer> {
    const rule = template.rules[String(template.version)] ?? Object.values(template.rules)[0];
    if (!rule) throw new AppError('NOT_FOUND', { entity: 'template', id: template.templateId });
    return {
      merchantName: merchant.name,
      title,
      name: template.name,
      rule,
      productNames: {},
      remaining: issuance.count === null ? null : Math.max(0, issuance.count - issuance.claimed),
      startsAt: issuance.startsAt,
      endsAt: issuance.endsAt,
      storeName: await this.storeName(merchant.id, storeId),
      unavailable: unavailableReason(issuance, template, this.clock.now()),
    };
  }
}
