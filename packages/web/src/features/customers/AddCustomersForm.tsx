import { useMutation } from '@apollo/client/react';
import { Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { forgetCachedLists } from '../../app/cache';
import { useNotifyError } from '../../app/errors';
import { FormActions } from '../../components/FormActions';
import { graphql } from '../../gql';
import type { AddCustomersMutation as AddCustomersData } from '../../gql/graphql';
import { OrganizationSelect, type OrganizationChoice } from '../organizations/OrganizationSelect';
import { IdentifiersPreview, readIdentifiers } from './IdentifiersPreview';

// Organizations come back with their member counts so pages showing them update in place.
const AddCustomersMutation = graphql(`
  mutation AddCustomers($input: AddCustomersInput!) {
    addCustomers(input: $input) {
      results {
        input
        status
        problem {
          reason
          params
        }
        customer {
          id
          displayName
          organizations {
            id
            name
            customerCount
          }
        }
      }
    }
  }
`);

export interface AddCustomersOutcome {
  organization: OrganizationChoice | null;
  results: AddCustomersData['addCustomers']['results'];
}

interface AddCustomersFormProps {
  organization?: { id: string; name: string };
  onAdded: (outcome: AddCustomersOutcome) => void;
  onCancel: () => void;
}

export function AddCustomersForm({ organization, onAdded, onCancel }: AddCustomersFormProps) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [addCustomers, { loading }] = useMutation(AddCustomersMutation, { update: forgetCachedLists });
  // Controlled: the preview follows every keystroke.
  const form = useForm({
    initialValues: {
      identifiers: '',
      organization: (organization ?? null) as OrganizationChoice | null,
    },
    validate: {
      identifiers: (value) => (readIdentifiers(value).valid.length > 0 ? null : t('addCustomers.nothingValid')),
    },
  });

  async function handleSubmit(values: typeof form.values) {
    const chosen = values.organization;
    try {
      const { data } = await addCustomers({
        variables: {
          input: {
            identifiers: values.identifiers,
            organizationId: chosen?.id ?? undefined,
            newOrganizationName: chosen && chosen.id === null ? chosen.name : undefined,
          },
        },
      });
      if (data) onAdded({ organization: chosen, results: data.addCustomers.results });
    } catch (error) {
      notifyError(error);
    }
  }

  const chosen = form.values.organization;
  return (
    <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
      <Stack>
        <Textarea
          label={t('addCustomers.identifiers')}
          description={t('addCustomers.identifiersHint')}
          placeholder={t('addCustomers.identifiersPlaceholder')}
          autosize
          minRows={4}
          maxRows={12}
          required
          data-autofocus
          {...form.getInputProps('identifiers')}
        />
        <IdentifiersPreview text={form.values.identifiers} />
        <OrganizationSelect
          label={t('addCustomers.organization')}
          placeholder={t('addCustomers.organizationPlaceholder')}
          description={chosen && chosen.id === null ? t('addCustomers.newOrganization', { name: chosen.name }) : undefined}
          allowCreate
          value={chosen}
          onChange={(choice) => form.setFieldValue('organization', choice)}
        />
        <FormActions submitLabel={t('addCustomers.submit')} loading={loading} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
