import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode, useNotifyError } from '../app/errors';

type ConflictStatus = 'none' | 'stale' | 'reloaded';

/**
 * Optimistic versions in a form: a CONFLICT marks the form stale; reloading
 * refetches what is on screen, so the record's latest version (which the next
 * save sends as expectedVersion) arrives while the form keeps what the person
 * typed.
 */
export function useVersionConflict() {
  const client = useApolloClient();
  const [status, setStatus] = useState<ConflictStatus>('none');
  return {
    status,
    /** True when the error was a CONFLICT, which <ConflictAlert> then explains. */
    caught(error: unknown): boolean {
      if (!hasErrorCode(error, 'CONFLICT')) return false;
      setStatus('stale');
      return true;
    },
    async reload() {
      await client.refetchQueries({ include: 'active' });
      setStatus('reloaded');
    },
  };
}

interface ConflictAlertProps {
  conflict: ReturnType<typeof useVersionConflict>;
  /** "Someone else changed this customer", naming the thing. */
  title: string;
  /** What to say once reloaded, where there is no form keeping edits (e.g. a reordered list). */
  reloadedText?: string;
}

export function ConflictAlert({ conflict, title, reloadedText }: ConflictAlertProps) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [reloading, setReloading] = useState(false);

  async function handleReload() {
    setReloading(true);
    try {
      await conflict.reload();
    } catch (error) {
      notifyError(error);
    } finally {
      setReloading(false);
    }
  }

  if (conflict.status === 'reloaded') {
    return (
      <Alert color="blue" role="status">
        {reloadedText ?? t('conflict.reloaded')}
      </Alert>
    );
  }
  if (conflict.status !== 'stale') return null;
  return (
    <Alert color="orange" role="alert" title={title} icon={<IconAlertTriangle aria-hidden />}>
      <Text size="sm">{t('conflict.body')}</Text>
      <Group mt="sm">
        <Button size="xs" variant="white" color="orange" loading={reloading} onClick={() => void handleReload()}>
          {t('conflict.reload')}
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * After a reload, a field whose saved value now differs from what the person
 * typed says so beneath it: they decide whether to keep their edit.
 */
export function useSavedValueHint(conflict: ReturnType<typeof useVersionConflict>) {
  const { t } = useTranslation();
  return (saved: string | null, typed: string): string | undefined => {
    if (conflict.status !== 'reloaded' || (saved ?? '') === typed.trim()) return undefined;
    return saved ? t('conflict.savedValue', { value: saved }) : t('conflict.savedEmpty');
  };
}

/**
 * When a newer version arrives (after a reload), fields the person has not
 * touched take its values, so saving cannot undo someone else's change to
 * them; the fields they edited keep their edits.
 */
export function useFollowSavedValues<Values extends Record<string, string>>(
  form: UseFormReturnType<Values>,
  saved: Values,
) {
  const savedKey = JSON.stringify(saved);
  useEffect(() => {
    const next = { ...saved };
    for (const field of Object.keys(saved) as Array<keyof Values & string>) {
      if (form.isDirty(field)) next[field] = form.getValues()[field];
    }
    form.setValues(next);
    form.setInitialValues(saved);
    // Only a new saved version matters; `form` and `saved` are new objects on every render.
  }, [savedKey]);
}
