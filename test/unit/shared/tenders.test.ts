import { describe, expect, it } from 'vitest';
import { refundByTender, settleTenders } from '../../../src-shared/till/tenders';

describe('tenders', () => {
  it('gives change on cash and takes no tenders as tender unknown', () => {
    expect(
      settleTenders(8640, [{ kind: 'cash', amountFen: 8640, givenFen: 10000 }], 'fen'),
    ).toEqual({
      ok: true,
      roundingFen: 0,
      changeFen: 1360,
      tenders: [{ kind: 'cash', label: null, amountFen: 8640, givenFen: 10000, changeFen: 1360 }],
    });
    expect(settleTenders(8640, undefined, 'fen')).toEqual({
      ok: true,
      roundingFen: 0,
      changeFen: 0,
      tenders: [],
    });
  });

  it('rounds cash down to the jiao or yuan as 抹零, or takes the exact amount', () => {
    const jiao = settleTenders(8647, [{ kind: 'cash', amountFen: 8640, givenFen: 10000 }], 'jiao');
    expect(jiao).toMatchObject({ ok: true, roundingFen: 7, changeFen: 1360 });
    const yuan = settleTenders(8647, [{ kind: 'cash', amountFen: 8600 }], 'yuan');
    expect(yuan).toMatchObject({ ok: true, roundingFen: 47, changeFen: 0 });
    // A terminal that knows nothing of rounding pays the exact amount: no 抹零.
    expect(settleTenders(8647, [{ kind: 'cash', amountFen: 8647 }], 'yuan')).toMatchObject({
      ok: true,
      roundingFen: 0,
    });
    // Only the cash part is rounded: WeChat pays 47.00, cash 39.47 → 39.40.
    const split = settleTenders(
      8647,
      [
        { kind: 'wechat', amountFen: 4700 },
        { kind: 'cash', amountFen: 3940, givenFen: 5000 },
      ],
      'jiao',
    );
    expect(split).toMatchObject({ ok: true, roundingFen: 7, changeFen: 1060 });
  });

  it('refuses tenders that do not add up, short cash, two cash tenders, change on a card', () => {
    expect(settleTenders(1000, [{ kind: 'wechat', amountFen: 900 }], 'fen')).toEqual({
      ok: false,
      problem: { code: 'TENDER_MISMATCH', details: { payableFen: 1000, tenderedFen: 900 } },
    });
    expect(
      settleTenders(1000, [{ kind: 'cash', amountFen: 1000, givenFen: 500 }], 'fen'),
    ).toMatchObject({ ok: false, problem: { code: 'CASH_GIVEN_SHORT' } });
    expect(
      settleTenders(
        1000,
        [
          { kind: 'cash', amountFen: 500 },
          { kind: 'cash', amountFen: 500 },
        ],
        'fen',
      ),
    ).toMatchObject({ ok: false, problem: { code: 'TENDER_INVALID' } });
    expect(
      settleTenders(1000, [{ kind: 'card', amountFen: 1000, givenFen: 2000 }], 'fen'),
    ).toMatchObject({ ok: false, problem: { code: 'TENDER_INVALID' } });
  });

  it('gives a refund back by the original tenders in proportion, or by the one chosen', () => {
    const tenders = [
      { kind: 'wechat' as const, amountFen: 6000 },
      { kind: 'cash' as const, amountFen: 3000 },
    ];
    expect(refundByTender(900, tenders)).toEqual([
      { kind: 'wechat', amountFen: 600 },
      { kind: 'cash', amountFen: 300 },
    ]);
    expect(refundByTender(1001, tenders).reduce((sum, r) => sum + r.amountFen, 0)).toBe(1001);
    expect(refundByTender(900, tenders, 'cash')).toEqual([{ kind: 'cash', amountFen: 900 }]);
    expect(refundByTender(900, [])).toEqual([{ kind: 'unknown', amountFen: 900 }]);
    expect(refundByTender(0, tenders)).toEqual([]);
  });
});
