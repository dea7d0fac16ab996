import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, type ComboboxItem } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../app/errors';
import { graphql } from '../../../gql';
import { AudienceFields } from './AudienceFields';
import { audienceInputs, audiencesDraftOf } from './audiences';
import { fieldFormError } from './form-errors';

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
  const notifyError = useNotifyError();
  const [audiences, setAudiences] = useState(() => audiencesDraftOf(saved));
  const [error, setError] = useState<string>();
  const [setPermissions, { loading }] = useMutation(SetDetailFieldPermissionsMutation);

  async function save() {
    try {
      await setPermissions({ variables: { input: { fieldId, expectedVersion: version, ...audienceInputs(audiences) } } });
      notifications.show({ color: 'green', message: t('detailFields.permissionsSaved') });
      onDone();
    } catch (caught) {
      const refusal = fieldFormError(caught);
      if (refusal?.part === 'audiences') setError(refusal.message);
      else notifyError(caught);
    }
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
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={loading}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
