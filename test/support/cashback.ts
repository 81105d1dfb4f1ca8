import type { InputOf, MethodName, OutputOf } from '../../src-shared/contract';

type Ok = <M extends MethodName>(
  method: M,
  input: InputOf<M>,
  token?: string,
) => Promise<OutputOf<M>>;

let saleNo = 0;
/**
 * A real sale of `qty` apples (APL-1) at a store, stock received first: cashback codes are given
 * only for units of a recorded sale, so a test asking for codes sells the apples first.
 */
export async function sellApples(ok: Ok, token: string, storeId: string, qty = 1) {
  await ok('stock.receive', { storeId, lines: [{ sku: 'APL-1', qty }] }, token);
  return ok(
    'sales.record',
    {
      terminalSaleId: `CB-${process.pid}-${++saleNo}`,
      storeId,
      lines: [{ sku: 'APL-1', qty, unitPriceFen: 1299 }],
    },
    token,
  );
}
