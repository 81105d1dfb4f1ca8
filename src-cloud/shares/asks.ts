import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { newId } from '../../src-node/ids';
import { wgs84ToGcj02 } from '../../src-shared/geo/coordinates';
import type { EndpointBody, EndpointOutput } from '../../src-shared/sync/endpoints';
import { ASK_REACH, ASKS_PER_DAY, MAX_SHARE_HOPS } from '../../src-shared/sync/shares';
import type { CloudDb, Queryable } from '../db/open';
import type { ConsumerActor } from '../http/context';
import { chainStores } from '../projections/schema';
import type { ConsumerConsents } from '../wallet/consents';
import { claimJoins } from '../wallet/joins';
import { coarse, metresFrom } from '../wallet/places';
import { walletClaims, walletTemplates } from '../wallet/schema';
import { walletAsks, walletAskTargets } from './schema';
import type { WalletShares } from './service';

const DAY_MS = 24 * 3600_000;

/** How an asked holder's row meets its ask and their coupon; an ask its store. */
const targetJoins = {
  ask: and(
    eq(walletAsks.merchantId, walletAskTargets.merchantId),
    eq(walletAsks.id, walletAskTargets.askId),
  ),
  claim: and(
    eq(walletClaims.merchantId, walletAskTargets.merchantId),
    eq(walletClaims.id, walletAskTargets.claimId),
  ),
};
const storeOfAsk = and(
  eq(chainStores.merchantId, walletAsks.merchantId),
  eq(chainStores.storeId, walletAsks.storeId),
);
const shareModeOfTemplate = sql<'transfer' | 'copy'>`${walletTemplates.share}->>'mode'`;

/** A holder an ask may reach, as the ranking query finds them. */
export interface RankedHolder {
  phone: string;
  claimId: string;
  distanceM: number;
  sameDistrict: boolean;
}

/**
 * Holders of a coupon that works at `storeId` and may still be shared, who consented to location
 * and were seen near the merchant: the same 商圈 first, then the nearest. The places are sorted
 * first (one cheap pass over the merchant's places) and only the nearest few are checked for a
 * coupon and a standing consent, each by its index; rings widen until enough are found.
 */
export async function rankHolders(
  db: Queryable,
  merchantId: string,
  ask: { storeId: string; lat: number; lng: number; businessDistrict: string | null },
  options: { exceptPhone: string; now: number; limit: number },
): Promise<RankedHolder[]> {
  for (const ring of [options.limit * 20, options.limit * 200, null]) {
    const found = await rankWithin(db, merchantId, ask, options, ring);
    if (found.length >= options.limit || ring === null) return found;
  }
  return [];
}

async function rankWithin(
  db: Queryable,
  merchantId: string,
  ask: { storeId: string; lat: number; lng: number; businessDistrict: string | null },
  options: { exceptPhone: string; now: number; limit: number },
  ring: number | null,
): Promise<RankedHolder[]> {
  const here = { lat: ask.lat, lng: ask.lng };
  const result = await db.execute(sql`
    with near as (
      select p.phone, ${metresFrom(here, sql`p.lat`, sql`p.lng`)} as distance,
        (${ask.businessDistrict}::text is not null
          and p.business_district = ${ask.businessDistrict}::text) as same
      from consumer_places p
      where p.merchant_id = ${merchantId} and p.phone <> ${options.exceptPhone}
      order by same desc, distance
      ${ring === null ? sql`` : sql`limit ${ring}`}
    )
    select n.phone, held.id as "claimId", n.distance, n.same as "sameDistrict"
    from near n
    cross join lateral (
      select c.id from wallet_claims c
      join wallet_templates t on t.merchant_id = c.merchant_id and t.template_id = c.template_id
      where c.merchant_id = ${merchantId} and c.phone = n.phone
        and c.valid_until >= ${options.now}::bigint and c.transferred_at is null
        and c.hop < coalesce((t.share->>'maxHops')::int, ${MAX_SHARE_HOPS})
        and t.share->>'mode' in ('transfer', 'copy')
        and (t.share->>'mode' = 'transfer' or t.share->>'maxShares' is null
          or c.shares_used < (t.share->>'maxShares')::int)
        and (c.store_id = ${ask.storeId}
          or (c.store_id is null and (jsonb_array_length(t.store_ids) = 0
            or t.store_ids ? ${ask.storeId})))
        and not exists (select 1 from coupon_claims u where u.merchant_id = c.merchant_id
          and u.code = c.code and u.voided_at is null)
      order by c.valid_until
      limit 1
    ) held
    where (select cc.granted from consumer_consents cc
      where cc.merchant_id = ${merchantId} and cc.phone = n.phone and cc.purpose = 'location'
      order by cc.at desc, cc.id desc limit 1)
    order by n.same desc, n.distance
    limit ${options.limit}`);
  const rows = (
    result as unknown as {
      rows: { phone: string; claimId: string; distance: number; sameDistrict: boolean }[];
    }
  ).rows;
  return rows.map((r) => ({
    phone: r.phone,
    claimId: r.claimId,
    distanceM: Math.round(Number(r.distance) / 100) * 100,
    sameDistrict: r.sameDistrict === true,
  }));
}

/**
 * Asking nearby holders for a coupon (索取). The asker, on a store's page, asks; the holders
 * nearest to them who consented to location (the same 商圈 first) see it in their wallet, with
 * the distance to 100 m and never the asker's phone; a holder gives (a share only the asker may
 * accept, transfer or copy as the template allows), ignores or refuses. A stated price is only
 * recorded: no money moves through StoreDesk.
 */
export class WalletAsks {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly consents: ConsumerConsents,
    private readonly shares: WalletShares,
  ) {}

  async ask(
    actor: ConsumerActor,
    merchantCode: string,
    body: EndpointBody<'consumers.ask'>,
  ): Promise<EndpointOutput<'consumers.ask'>> {
    const now = this.clock.now();
    if (!(await this.consents.latest(actor.merchantId, actor.phone)).location)
      throw new AppError('ASK_NEEDS_LOCATION');
    const [store] = await this.db
      .select({ name: chainStores.name, district: chainStores.businessDistrict })
      .from(chainStores)
      .where(
        and(eq(chainStores.merchantId, actor.merchantId), eq(chainStores.storeId, body.storeId)),
      );
    if (!store) throw new AppError('ASK_STORE_UNKNOWN', { storeId: body.storeId });
    const [today] = await this.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(walletAsks)
      .where(
        and(
          eq(walletAsks.merchantId, actor.merchantId),
          eq(walletAsks.askerPhone, actor.phone),
          gt(walletAsks.createdAt, now - DAY_MS),
        ),
      );
    if (today!.n >= ASKS_PER_DAY) throw new AppError('ASK_LIMIT');
    const point = coarse(wgs84ToGcj02({ lat: body.lat, lng: body.lng }));
    const ask = {
      merchantId: actor.merchantId,
      id: newId(),
      askerPhone: actor.phone,
      storeId: body.storeId,
      ...point,
      businessDistrict: store.district,
      priceFen: body.priceFen ?? null,
      createdAt: now,
      expiresAt: now + DAY_MS,
    };
    const holders = await rankHolders(this.db, actor.merchantId, ask, {
      exceptPhone: actor.phone,
      now,
      limit: ASK_REACH,
    });
    await this.db.transaction(async (tx) => {
      await tx.insert(walletAsks).values(ask);
      if (holders.length)
        await tx.insert(walletAskTargets).values(
          holders.map((h, i) => ({
            merchantId: actor.merchantId,
            askId: ask.id,
            holderPhone: h.phone,
            claimId: h.claimId,
            rank: i + 1,
            distanceM: h.distanceM,
            sameDistrict: h.sameDistrict,
            status: 'asked' as const,
            shareToken: null,
            at: now,
          })),
        );
    });
    return {
      id: ask.id,
      storeName: store.name,
      priceFen: ask.priceFen,
      expiresAt: ask.expiresAt,
      asked: holders.length,
      offers: [],
    };
  }

  /** The phone's asks of the last day, with what holders gave. */
  async mine(
    actor: ConsumerActor,
    merchantCode: string,
  ): Promise<EndpointOutput<'consumers.myAsks'>> {
    const now = this.clock.now();
    const asks = await this.db
      .select({ ask: walletAsks, storeName: chainStores.name })
      .from(walletAsks)
      .leftJoin(chainStores, storeOfAsk)
      .where(
        and(
          eq(walletAsks.merchantId, actor.merchantId),
          eq(walletAsks.askerPhone, actor.phone),
          gt(walletAsks.expiresAt, now),
        ),
      )
      .orderBy(desc(walletAsks.createdAt));
    if (!asks.length) return { asks: [] };
    const targets = await this.db
      .select({
        target: walletAskTargets,
        name: walletTemplates.name,
        mode: shareModeOfTemplate,
      })
      .from(walletAskTargets)
      .innerJoin(walletClaims, targetJoins.claim)
      .innerJoin(walletTemplates, claimJoins.template)
      .where(
        and(
          eq(walletAskTargets.merchantId, actor.merchantId),
          inArray(
            walletAskTargets.askId,
            asks.map((a) => a.ask.id),
          ),
        ),
      );
    return {
      asks: asks.map(({ ask, storeName }) => {
        const mine = targets.filter((t) => t.target.askId === ask.id);
        return {
          id: ask.id,
          storeName: storeName ?? '',
          priceFen: ask.priceFen,
          expiresAt: ask.expiresAt,
          asked: mine.length,
          offers: mine
            .filter((t) => t.target.status === 'given' && t.target.shareToken)
            .map((t) => ({
              token: t.target.shareToken!,
              path: `/c/${merchantCode}/share/${t.target.shareToken}`,
              name: t.name,
              mode: t.mode,
            })),
        };
      }),
    };
  }

  /** Asks that reached this phone and wait for an answer. */
  async incoming(actor: ConsumerActor): Promise<EndpointOutput<'consumers.incomingAsks'>> {
    const now = this.clock.now();
    const rows = await this.db
      .select({
        target: walletAskTargets,
        ask: walletAsks,
        storeName: chainStores.name,
        couponName: walletTemplates.name,
        mode: shareModeOfTemplate,
      })
      .from(walletAskTargets)
      .innerJoin(walletAsks, targetJoins.ask)
      .innerJoin(walletClaims, targetJoins.claim)
      .innerJoin(walletTemplates, claimJoins.template)
      .leftJoin(chainStores, storeOfAsk)
      .where(
        and(
          eq(walletAskTargets.merchantId, actor.merchantId),
          eq(walletAskTargets.holderPhone, actor.phone),
          eq(walletAskTargets.status, 'asked'),
          gt(walletAsks.expiresAt, now),
        ),
      )
      .orderBy(desc(walletAskTargets.at));
    return {
      asks: rows.map((r) => ({
        askId: r.ask.id,
        storeName: r.storeName ?? '',
        distanceM: r.target.distanceM,
        sameDistrict: r.target.sameDistrict,
        priceFen: r.ask.priceFen,
        couponId: r.target.claimId,
        couponName: r.couponName,
        mode: r.mode,
        at: r.target.at,
        expiresAt: r.ask.expiresAt,
      })),
    };
  }

  /** The holder gives: a share of their coupon that only the asker may accept. */
  async give(actor: ConsumerActor, merchantCode: string, askId: string): Promise<{ given: true }> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ target: walletAskTargets, ask: walletAsks })
        .from(walletAskTargets)
        .innerJoin(
          walletAsks,
          and(
            eq(walletAsks.merchantId, walletAskTargets.merchantId),
            eq(walletAsks.id, walletAskTargets.askId),
          ),
        )
        .where(
          and(
            eq(walletAskTargets.merchantId, actor.merchantId),
            eq(walletAskTargets.askId, askId),
            eq(walletAskTargets.holderPhone, actor.phone),
          ),
        )
        .for('update');
      if (!row) throw new AppError('ASK_NOT_FOUND');
      if (row.target.status !== 'asked' || row.ask.expiresAt <= now)
        throw new AppError('ASK_CLOSED');
      const link = await this.shares.openLink(
        tx,
        actor,
        merchantCode,
        row.target.claimId,
        null,
        row.ask.askerPhone,
      );
      await this.answer(tx, actor, askId, { status: 'given', shareToken: link.token });
      return { given: true as const };
    });
  }

  async decline(actor: ConsumerActor, askId: string, refuse: boolean): Promise<{ declined: true }> {
    const updated = await this.answer(this.db, actor, askId, {
      status: refuse ? 'refused' : 'declined',
      shareToken: null,
    });
    if (!updated) throw new AppError('ASK_NOT_FOUND');
    return { declined: true };
  }

  private async answer(
    db: Queryable,
    actor: ConsumerActor,
    askId: string,
    set: { status: 'given' | 'declined' | 'refused'; shareToken: string | null },
  ): Promise<boolean> {
    const rows = await db
      .update(walletAskTargets)
      .set({ ...set, at: this.clock.now() })
      .where(
        and(
          eq(walletAskTargets.merchantId, actor.merchantId),
          eq(walletAskTargets.askId, askId),
          eq(walletAskTargets.holderPhone, actor.phone),
          eq(walletAskTargets.status, 'asked'),
        ),
      )
      .returning({ askId: walletAskTargets.askId });
    return rows.length > 0;
  }
}
