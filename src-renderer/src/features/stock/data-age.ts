import { useTranslation } from 'react-i18next';

/** "3 分钟前": how old what the cloud reported is (other stores' stock and takings). */
export function useDataAge() {
  const { t } = useTranslation();
  return (at: number | null) => {
    if (at === null) return t('stock.chain.never');
    const minutes = Math.max(0, Math.floor((Date.now() - at) / 60_000));
    if (minutes < 1) return t('stock.chain.justNow');
    if (minutes < 60) return t('stock.chain.minutesAgo', { n: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return t('stock.chain.hoursAgo', { n: hours });
    return t('stock.chain.daysAgo', { n: Math.floor(hours / 24) });
  };
}
