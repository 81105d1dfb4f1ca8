import { useApiMutation } from '../../api/queries';

// Reading the catalogue is shared with other pages: ../../shop-data/catalogue.ts.
const AFTER_PRODUCT_CHANGE = ['products.list', 'audit.list'] as const;

export const useCreateProduct = () =>
  useApiMutation('products.create', { invalidates: AFTER_PRODUCT_CHANGE });
export const useUpdateProduct = () =>
  useApiMutation('products.update', { invalidates: AFTER_PRODUCT_CHANGE });

// The preview writes nothing; the import changes the catalogue and its stock rows.
export const useImportPreview = () => useApiMutation('products.importPreview');
export const useImportProducts = () =>
  useApiMutation('products.import', {
    invalidates: [...AFTER_PRODUCT_CHANGE, 'products.categories', 'stock.levels'],
  });
