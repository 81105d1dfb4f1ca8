import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useErrorText } from '../../i18n/error-text';
import { NAV_ITEMS } from '../../navigation/nav-items';
import { useCurrentSession } from '../../session/session-context';
import { PageHeader } from '../../ui/PageHeader';
import { useDefaultStoreId } from '../../ui/StoreSelect';
import { CountSheet } from './CountSheet';
import { SheetList } from './SheetList';
import { StartStocktake } from './StartStocktake';
import { StocktakeResult } from './StocktakeResult';
import { useStocktake } from './stocktake-queries';
import styles from './StocktakePage.module.css';

/** Where the stock page's 盘点 leads; `?sheet=` names the sheet on screen (so a reload keeps it). */
export const STOCKTAKE_PATH = '/stock/stocktake';

/** 盘点: start a count sheet, carry on with a draft, or read a finished one. */
export function StocktakePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const storeId = useDefaultStoreId(session.storeId);
  const [params, setParams] = useSearchParams();
  const sheetId = params.get('sheet');
  const sheet = useStocktake(sheetId);
  const open = (id: string | null) => setParams(id ? { sheet: id } : {});

  const body = () => {
    if (!sheetId)
      return (
        <>
          <StartStocktake storeId={storeId} onStarted={open} />
          <SheetList storeId={session.storeId ?? undefined} onOpen={open} />
        </>
      );
    if (sheet.isError) return <Alert type="error" showIcon title={errorText(sheet.error)} />;
    if (!sheet.data) return <Card loading />;
    if (sheet.data.status === 'open')
      return <CountSheet sheet={sheet.data} onClosed={() => open(null)} />;
    return <StocktakeResult sheet={sheet.data} />;
  };

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('stocktake.title')}
        subtitle={t('stocktake.subtitle')}
        extra={
          <Button
            size="large"
            icon={<ArrowLeftOutlined />}
            onClick={() => (sheetId ? open(null) : void navigate(NAV_ITEMS.stock.path))}
          >
            {sheetId ? t('stocktake.list.title') : t('stocktake.back')}
          </Button>
        }
      />
      {body()}
    </div>
  );
}
