import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStores } from '../shop-data/stores';

type StoreSelectProps = Omit<SelectProps<string>, 'options' | 'loading'> & {
  /** Offer "every store" as an empty choice. */
  allowAll?: boolean;
  /** A store not to offer (a transfer's source is no target). */
  exclude?: string;
};

/** Picks one of the merchant's active stores by name. */
export function StoreSelect({ allowAll = false, exclude, ...props }: StoreSelectProps) {
  const { t } = useTranslation();
  const stores = useStores();
  return (
    <Select
      loading={stores.isPending}
      allowClear={allowAll}
      placeholder={allowAll ? t('stock.allStores') : t('stock.pickStore')}
      options={stores.data
        ?.filter((store) => store.id !== exclude)
        .map((store) => ({ value: store.id, label: store.name }))}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}

/** The store a page starts on: the session's own, else the first one. */
export function useDefaultStoreId(sessionStoreId: string | null): string | undefined {
  const stores = useStores();
  return sessionStoreId ?? stores.data?.[0]?.id;
}
