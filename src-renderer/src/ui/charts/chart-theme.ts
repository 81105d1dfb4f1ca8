import { theme as antdTheme } from 'antd';
import { useMemo } from 'react';

/** The series colours: the app's blue first, then antd's palette in an order that stays apart. */
function palette(token: ReturnType<typeof antdTheme.useToken>['token']): string[] {
  return [
    token.colorPrimary,
    token.cyan6,
    token.orange6,
    token.purple6,
    token.green6,
    token.magenta6,
    token.gold6,
    token.geekblue6,
    token.lime6,
    token.volcano6,
  ];
}

/**
 * An ECharts theme made from antd's tokens, so charts share the app's font (the Chinese system
 * fonts of theme.ts), text colours, borders and tooltips.
 */
export function useChartTheme(): Record<string, unknown> {
  const { token } = antdTheme.useToken();
  return useMemo(() => {
    const axisLine = { lineStyle: { color: token.colorBorder } };
    const axis = {
      axisLine,
      axisTick: axisLine,
      axisLabel: { color: token.colorTextSecondary, fontSize: 12 },
      splitLine: { lineStyle: { color: token.colorBorderSecondary } },
      nameTextStyle: { color: token.colorTextSecondary, fontSize: 12 },
    };
    return {
      color: palette(token),
      backgroundColor: 'transparent',
      textStyle: { fontFamily: token.fontFamily, color: token.colorText },
      legend: { textStyle: { color: token.colorTextSecondary, fontSize: 13 } },
      tooltip: {
        backgroundColor: token.colorBgElevated,
        borderColor: token.colorBorderSecondary,
        borderWidth: 1,
        extraCssText: `box-shadow: ${token.boxShadowSecondary}; border-radius: ${token.borderRadius}px;`,
        textStyle: { color: token.colorText, fontSize: 13, fontFamily: token.fontFamily },
      },
      categoryAxis: { ...axis, splitLine: { show: false } },
      valueAxis: { ...axis, axisLine: { show: false }, axisTick: { show: false } },
      timeAxis: axis,
      line: { symbolSize: 5, lineStyle: { width: 2 } },
    };
  }, [token]);
}
