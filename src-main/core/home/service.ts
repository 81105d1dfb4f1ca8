import type { OutputOf } from '../../../src-shared/contract';
import { SETTING_KEYS } from '../../../src-shared/contract/settings';
import { addDays, localDate, localDateTime, startOfLocalDay } from '../../../src-shared/time';
import type { Clock } from '../../../src-node/clock';
import type { AppDatabase } from '../db/database';
import type { HandlerContext } from '../platform/context';
import type { SettingsService } from '../settings/service';
import type { StoresService } from '../stores/service';

interface DayFigures {
  takingsFen: number;
  tickets: number;
  redemptions: number;
  discountFen: number;
}

/**
 * The home page's figures: each store's business day so far. A day runs from the cut-off in the
 * settings (a shop open past midnight sets 04:00) in the store's own zone, never the PC's.
 */
export class HomeService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly stores: StoresService,
    private readonly settings: SettingsService,
  ) {}

  today(ctx: HandlerContext): OutputOf<'home.today'> {
    const now = this.clock.now();
    const cutoff = this.settings.get<string>(SETTING_KEYS.dayCutoff) ?? '00:00';
    const [hours, minutes] = cutoff.split(':').map(Number) as [number, number];
    const cutoffMs = (hours * 60 + minutes) * 60_000;
    const ownStore = ctx.actor.kind === 'anonymous' ? null : ctx.actor.storeId;
    const visible = this.stores.list().filter((store) => !ownStore || store.id === ownStore);
    const sales = this.adb.sqlite.prepare(
      `SELECT coalesce(sum(total_fen - refunded_fen), 0) AS takingsFen, count(*) AS tickets
         FROM sales WHERE store_id = ? AND sold_at >= ? AND sold_at < ?`,
    );
    const redemptions = this.adb.sqlite.prepare(
      `SELECT count(*) AS redemptions, coalesce(sum(discount_fen), 0) AS discountFen
         FROM redemptions WHERE store_id = ? AND status = 'completed' AND created_at >= ? AND created_at < ?`,
    );
    const alerts = this.adb.sqlite.prepare(
      `SELECT count(*) AS openAlerts, coalesce(sum(status = 'new'), 0) AS newAlerts
         FROM stock_alerts WHERE store_id = ? AND status <> 'resolved'`,
    );
    return {
      at: now,
      stores: visible.map((store) => {
        // Before the cut-off it is still the previous business day.
        const clockTime = localDateTime(now, store.timezone).slice(11, 16);
        let date = localDate(now, store.timezone);
        if (clockTime < cutoff) date = addDays(date, -1);
        const from = startOfLocalDay(date, store.timezone) + cutoffMs;
        const to = startOfLocalDay(addDays(date, 1), store.timezone) + cutoffMs;
        const day = {
          ...(sales.get(store.id, from, to) as Pick<DayFigures, 'takingsFen' | 'tickets'>),
          ...(redemptions.get(store.id, from, to) as Pick<
            DayFigures,
            'redemptions' | 'discountFen'
          >),
        };
        const open = alerts.get(store.id) as { openAlerts: number; newAlerts: number };
        return { storeId: store.id, storeName: store.name, date, ...day, ...open };
      }),
    };
  }
}
