import { Alert, Checkbox, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../src-shared/contract';
import {
  MEMBER_IMPORT_FIELDS,
  REQUIRED_MEMBER_IMPORT_FIELDS,
  type MemberImportMapping,
  type MemberImportRow,
} from '../../../../src-shared/contract/member-import';
import { ImportWizard } from '../../ui/import-wizard/ImportWizard';
import { ReportRows } from '../../ui/import-wizard/ReportRows';
import { useImportMembers, useImportMembersPreview } from './members-queries';

type Preview = OutputOf<'members.importPreview'>;

/** 导入会员: a member list from the old system or a spreadsheet (the shared import wizard). */
export function MemberImportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const previewCall = useImportMembersPreview();
  const importCall = useImportMembers();
  return (
    <ImportWizard<
      MemberImportMapping,
      Preview,
      OutputOf<'members.import'>,
      { updateExisting: boolean; skipInvalid: boolean }
    >
      job="members.import"
      texts="memberImport"
      fieldsKey="memberImportFields"
      fields={MEMBER_IMPORT_FIELDS}
      required={REQUIRED_MEMBER_IMPORT_FIELDS}
      missing={(mapping) => REQUIRED_MEMBER_IMPORT_FIELDS.filter((field) => !mapping[field])}
      preview={(input, options) => previewCall.mutateAsync({ ...input, ...options })}
      commit={(input, options) => importCall.mutateAsync({ ...input, ...options })}
      previewing={previewCall.isPending}
      committing={importCall.isPending}
      initialOptions={{ updateExisting: false, skipInvalid: false }}
      options={(options, change) => (
        <Space direction="vertical">
          <Checkbox
            checked={options.updateExisting}
            disabled={previewCall.isPending}
            onChange={(event) => change({ ...options, updateExisting: event.target.checked })}
          >
            {t('memberImport.updateExisting')}
          </Checkbox>
          <Checkbox
            checked={options.skipInvalid}
            disabled={previewCall.isPending}
            onChange={(event) => change({ ...options, skipInvalid: event.target.checked })}
          >
            {t('memberImport.skipInvalid')}
          </Checkbox>
        </Space>
      )}
      skipsErrors={(options) => options.skipInvalid}
      // Four counts fit the wizard's row: updates when 更新已有会员 is on, else those skipped.
      stats={(preview) => [
        <Statistic key="rows" title={t('imports.rows')} value={preview.rowCount} />,
        <Statistic key="creates" title={t('memberImport.creates')} value={preview.createCount} />,
        preview.updateCount > 0 ? (
          <Statistic key="updates" title={t('memberImport.updates')} value={preview.updateCount} />
        ) : (
          <Statistic
            key="existing"
            title={t('memberImport.existing')}
            value={preview.existingCount}
          />
        ),
      ]}
      commitCount={(preview) => preview.createCount + preview.updateCount}
      // Said plainly before anyone imports: the list carries no consent the shop can prove.
      notes={() => (
        <Alert
          type="warning"
          showIcon
          title={t('memberImport.consentNotice')}
          description={t('memberImport.consentNoticeDetail')}
          data-testid="member-import-consent"
        />
      )}
      rows={(preview, checking) => <MemberRows preview={preview} checking={checking} />}
      doneText={(done) =>
        [
          t('memberImport.doneText', done),
          done.openingPoints ? t('memberImport.pointsText', { points: done.openingPoints }) : '',
          done.skipped ? t('memberImport.skippedText', { count: done.skipped }) : '',
        ].join('')
      }
      onClose={onClose}
    />
  );
}

function MemberRows({ preview, checking }: { preview: Preview; checking: boolean }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return (
    <ReportRows<MemberImportRow>
      rows={preview.rows}
      checking={checking}
      fieldsKey="memberImportFields"
      width={1000}
      problemWidth={240}
      columns={[
        {
          key: 'action',
          title: t('memberImport.action'),
          width: 96,
          render: (_, row) =>
            row.issues.length ? (
              <Tag color="error">{t('imports.bad')}</Tag>
            ) : (
              <Tag color={{ create: 'green', update: 'blue', existing: 'default' }[row.action]}>
                {t(`memberImport.actions.${row.action}`)}
              </Tag>
            ),
        },
        { key: 'phone', title: t('members.phone'), dataIndex: 'phone', width: 120 },
        { key: 'name', title: t('members.name'), dataIndex: 'name', width: 100 },
        {
          key: 'birthday',
          title: t('memberImport.birthday'),
          width: 100,
          render: (_, row) =>
            row.birthday
              ? row.birthYear
                ? `${row.birthYear}-${row.birthday}`
                : row.birthday
              : empty,
        },
        {
          key: 'gender',
          title: t('memberImport.gender'),
          width: 60,
          render: (_, row) => t(`memberImport.genders.${row.gender}`),
        },
        {
          key: 'tags',
          title: t('members.tags'),
          width: 140,
          render: (_, row) => row.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
        },
        {
          key: 'points',
          title: t('memberImport.points'),
          width: 90,
          align: 'right',
          render: (_, row) => row.points ?? empty,
        },
      ]}
    />
  );
}
