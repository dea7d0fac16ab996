import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { Modal, Stack, type ComboboxItem } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogAction } from '../../../app/dialog-action';
import { FormActions } from '../../../components/FormActions';
import { graphql } from '../../../gql';
import { AudienceFields } from './AudienceFields';
import { audienceInputs, audiencesDraftOf } from './audiences';
import { useFieldFormError } from './form-errors';

const PermissionsDialogField = graphql(`
  fragment PermissionsDialog_field on DetailField {
    id
    label
    version
    permissions {
      view {
        agents
        teams {
          id
        }
      }
      edit {
        agents
        teams {
          id
        }
      }
    }
  }
`);

// The field comes back with its new audiences (and team names for the row) and version.
const SetDetailFieldPermissionsMutation = graphql(`
  mutation SetDetailFieldPermissions($input: SetDetailFieldPermissionsInput!) {
    setDetailFieldPermissions(input: $input) {
      id
      version
      permissions {
        view {
          agents
          teams {
            id
            name
          }
        }
        edit {
          agents
          teams {
            id
            name
          }
        }
      }
    }
  }
`);

interface PermissionsDialogProps {
  field: FragmentType<typeof PermissionsDialogField>;
  opened: boolean;
  onClose: () => void;
  teams: ComboboxItem[];
}

export function PermissionsDialog({ field, opened, onClose, teams }: PermissionsDialogProps) {
  const { t } = useTranslation();
  const { data, complete } = useFragment({ fragment: PermissionsDialogField, fragmentName: 'PermissionsDialog_field', from: field });
  if (!complete || !data.permissions) return null;
  return (
    <Modal opened={opened} onClose={onClose} title={t('detailFields.permissionsTitle', { label: data.label })} size="lg">
      {/* Mounted only while open, so the form starts from the saved audiences. */}
      <PermissionsForm fieldId={data.id} version={data.version} saved={data.permissions} onDone={onClose} teams={teams} />
    </Modal>
  );
}

interface PermissionsFormProps {
  fieldId: string;
  /** The version these audiences were read at: another admin's change since then is a CONFLICT, not overwritten. */
  version: number;
  saved: Parameters<typeof audiencesDraftOf>[0];
  onDone: () => void;
  teams: ComboboxItem[];
}

function PermissionsForm({ fieldId, version, saved, onDone, teams }: PermissionsFormProps) {
  const { t } = useTranslation();
  const fieldFormError = useFieldFormError();
  const run = useDialogAction(onDone);
  const [audiences, setAudiences] = useState(() => audiencesDraftOf(saved));
  const [error, setError] = useState<string>();
  const [setPermissions, { loading }] = useMutation(SetDetailFieldPermissionsMutation);

  async function save() {
    await run(
      async () => {
        await setPermissions({ variables: { input: { fieldId, expectedVersion: version, ...audienceInputs(audiences) } } });
        return t('detailFields.permissionsSaved');
      },
      (caught) => {
        const refusal = fieldFormError(caught);
        if (refusal?.part !== 'audiences') return false;
        setError(refusal.message);
        return true;
      },
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
    >
      <Stack>
        <AudienceFields
          value={audiences}
          onChange={(next) => {
            setAudiences(next);
            setError(undefined);
          }}
          teams={teams}
          error={error}
        />
        <FormActions submitLabel={t('app.save')} loading={loading} onCancel={onDone} />
      </Stack>
    </form>
  );
}
