import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { ExportRequest } from '../../../src-shared/contract/reports';
import type { Clock } from '../../../src-node/clock';
import { toTable, type Table } from './export-tables';
import { writeTable } from './exporter';
import type { InsightsService } from './insights';
import type { AnalyticsService } from './service';
import type { StoreReports } from './store-report';

/** Any chart's data, or a store report, written as CSV or XLSX into the exports folder. */
export class ReportsService {
  constructor(
    private readonly clock: Clock,
    private readonly analytics: AnalyticsService,
    private readonly insights: InsightsService,
    readonly stores: StoreReports,
    private readonly exportsDir: string,
  ) {}

  async export(input: ParsedInputOf<'reports.export'>): Promise<OutputOf<'reports.export'>> {
    const stamp = new Date(this.clock.now())
      .toISOString()
      .replace(/[-:]/g, '')
      .replace('T', '-')
      .slice(0, 15);
    const base = `${input.request.report.replace('.', '-')}-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
    return writeTable(this.exportsDir, base, input.format, this.table(input.request));
  }

  /** The table an export request stands for: the chart's own answer, laid flat. */
  table(request: ExportRequest): Table {
    const a = this.analytics;
    switch (request.report) {
      case 'analytics.redemptionsByRegion':
        return toTable[request.report](a.redemptionsByRegion(request.input));
      case 'analytics.redemptionsDaily':
        return toTable[request.report](a.redemptionsDaily(request.input));
      case 'analytics.consumer':
        return toTable[request.report](a.consumer(request.input));
      case 'analytics.topConsumers':
        return toTable[request.report](a.topConsumers(request.input));
      case 'analytics.storeTrend':
        return toTable[request.report](a.storeTrend(request.input));
      case 'analytics.products':
        return toTable[request.report](a.products(request.input));
      case 'analytics.cashiers':
        return toTable[request.report](a.cashiers(request.input));
      case 'analytics.couponEffect':
        return toTable[request.report](a.couponEffect(request.input));
      case 'analytics.insights':
        return toTable[request.report](this.insights.insights(request.input));
      case 'reports.storeDaily':
        return toTable[request.report](
          this.stores.daily(request.input.storeId, request.input.date),
        );
      case 'reports.storeMonthly':
        return toTable[request.report](
          this.stores.monthly(request.input.storeId, request.input.month),
        );
    }
  }
}
