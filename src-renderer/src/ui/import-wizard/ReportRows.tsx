import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { rowIssuesText, type FieldsKey, type ImportIssueLike } from './import-file';
import styles from './ImportWizard.module.css';

interface ReportRowsProps<R extends { row: number; issues: ImportIssueLike[] }> {
  rows: R[];
  checking: boolean;
  fieldsKey: FieldsKey;
  /** This import's own columns, between the row number and the row's problems. */
  columns: TableColumnsType<R>;
  /** The table's scroll width: the columns' widths added up. */
  width: number;
  problemWidth: number;
}

/** The rows of an import's report: numbered, the bad ones marked, each with its problems. */
export function ReportRows<R extends { row: number; issues: ImportIssueLike[] }>({
  rows,
  checking,
  fieldsKey,
  columns,
  width,
  problemWidth,
}: ReportRowsProps<R>) {
  const { t } = useTranslation();
  return (
    <Table<R>
      rowKey="row"
      size="small"
      loading={checking}
      dataSource={rows}
      pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: width }}
      rowClassName={(row) => (row.issues.length ? (styles.badRow ?? '') : '')}
      columns={[
        { key: 'row', title: t('imports.row'), dataIndex: 'row', width: 60 },
        ...columns,
        {
          key: 'issues',
          title: t('imports.problem'),
          width: problemWidth,
          render: (_, row) =>
            row.issues.length ? (
              <Typography.Text type="danger">
                {rowIssuesText(t, fieldsKey, row.issues)}
              </Typography.Text>
            ) : (
              t('common.empty')
            ),
        },
      ]}
    />
  );
}
