import type { StocktakeLine, StocktakeSheet } from '../contract/stocktake';

/**
 * A count sheet's gains (盘盈), losses (盘亏, negative) and net, in fen and units, and how many
 * differing lines were valued at cost and at retail. The core reports it; the count page adds a
 * line as it is typed without asking again.
 */
export function stocktakeTotals(
  lines: Pick<StocktakeLine, 'differenceQty' | 'valueFen' | 'valueBasis'>[],
): StocktakeSheet['totals'] {
  const totals = {
    gainFen: 0,
    lossFen: 0,
    netFen: 0,
    gainQty: 0,
    lossQty: 0,
    costLines: 0,
    retailLines: 0,
  };
  for (const line of lines) {
    if (line.differenceQty === null || line.valueFen === null || line.differenceQty === 0) continue;
    if (line.differenceQty > 0) {
      totals.gainFen += line.valueFen;
      totals.gainQty += line.differenceQty;
    } else {
      totals.lossFen += line.valueFen;
      totals.lossQty += line.differenceQty;
    }
    if (line.valueBasis === 'cost') totals.costLines += 1;
    else totals.retailLines += 1;
  }
  totals.netFen = totals.gainFen + totals.lossFen;
  return totals;
}
