import { useMutation } from '@apollo/client/react';
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { forgetCachedLists } from '../../app/cache';
import { organizationPath } from '../../app/paths';
import { graphql } from '../../gql';
import { NameForm } from '../../components/NameForm';
import { useOrganizationNameTexts } from './organization-name-texts';

const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($name: String!) {
    createOrganization(name: $name) {
      id
      name
    }
  }
`);

export function CreateOrganizationDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const nameTexts = useOrganizationNameTexts();
  const navigate = useNavigate();
  const [createOrganization, { loading }] = useMutation(CreateOrganizationMutation, { update: forgetCachedLists });

  async function create(name: string) {
    const { data } = await createOrganization({ variables: { name } });
    if (!data) return;
    notifications.show({ color: 'green', message: t('organizations.created', { name: data.createOrganization.name }) });
    onClose();
    // A new organization is empty; its page is where members get added.
    navigate(organizationPath(data.createOrganization.id));
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('organizations.createTitle')}>
      <NameForm
        texts={nameTexts}
        savedName=""
        submitLabel={t('app.create')}
        loading={loading}
        onSubmit={create}
        onCancel={onClose}
      />
    </Modal>
  );
}
