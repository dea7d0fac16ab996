import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { forgetCachedLists } from '../../app/cache';
import { graphql } from '../../gql';
import { NameForm } from '../../components/NameForm';
import { useOrganizationNameTexts } from './organization-name-texts';

const RenameOrganizationDialogOrganization = graphql(`
  fragment RenameOrganizationDialog_organization on Organization {
    id
    name
    version
  }
`);

const RenameOrganizationMutation = graphql(`
  mutation RenameOrganization($id: ID!, $name: String!, $expectedVersion: Int!) {
    renameOrganization(id: $id, name: $name, expectedVersion: $expectedVersion) {
      id
      name
      version
      updatedAt
    }
  }
`);

interface RenameOrganizationDialogProps {
  organization: FragmentType<typeof RenameOrganizationDialogOrganization>;
  opened: boolean;
  onClose: () => void;
}

export function RenameOrganizationDialog({ organization, opened, onClose }: RenameOrganizationDialogProps) {
  const { t } = useTranslation();
  const nameTexts = useOrganizationNameTexts();
  const { data, complete } = useFragment({
    fragment: RenameOrganizationDialogOrganization,
    fragmentName: 'RenameOrganizationDialog_organization',
    from: organization,
  });
  // Lists are sorted by name, so a new name can move it.
  const [rename, { loading }] = useMutation(RenameOrganizationMutation, { update: forgetCachedLists });
  if (!complete) return null;
  // `version` follows the cache: after a reload it is the latest one.
  const { id, version } = data;

  async function save(name: string) {
    if (name === data.name) return onClose();
    await rename({ variables: { id, name, expectedVersion: version } });
    notifications.show({ color: 'green', message: t('organizations.renamed', { name }) });
    onClose();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('organizations.renameTitle', { name: data.name })}>
      {/* Mounted only while open, so the form starts from the saved name. */}
      <NameForm
        texts={nameTexts}
        savedName={data.name}
        submitLabel={t('app.save')}
        loading={loading}
        onSubmit={save}
        onCancel={onClose}
      />
    </Modal>
  );
}
