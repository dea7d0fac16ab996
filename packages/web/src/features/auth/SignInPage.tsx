import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorInfo, useErrorMessage } from '../../app/errors';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PasswordField } from '../../components/PasswordField';
import { graphql } from '../../gql';
import { safeReturnPath } from './session';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      id
    }
  }
`);

export function SignInPage() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const errorMessage = useErrorMessage();
  const [signIn, { loading, error }] = useMutation(SignInMutation);

  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: isEmail(t('auth.emailInvalid')),
      password: isNotEmpty(t('auth.passwordRequired')),
    },
  });

  async function handleSubmit(values: typeof form.values) {
    try {
      await signIn({ variables: { email: values.email.trim(), password: values.password } });
    } catch {
      return; // shown below from the mutation's `error`
    }
    // Drop anything cached under a previous session before the app asks again.
    await client.clearStore();
    navigate(safeReturnPath(params.get('next')), { replace: true });
  }

  function failureText(): string {
    switch (errorInfo(error).code) {
      case 'UNAUTHENTICATED':
        return t('auth.wrongCredentials');
      case 'TOO_MANY_REQUESTS':
        return t('auth.rateLimited');
      default:
        return errorMessage(error);
    }
  }

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pt="8vh">
        <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={420}>
          <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
            <Stack>
              <div>
                <Title order={1} size="h3">
                  {t('auth.signInTitle')}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {t('auth.signInSubtitle')}
                </Text>
              </div>
              {error && (
                <Alert color="red" variant="light">
                  {failureText()}
                </Alert>
              )}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                required
                key={form.key('email')}
                {...form.getInputProps('email')}
              />
              <PasswordField
                label={t('auth.password')}
                autoComplete="current-password"
                required
                key={form.key('password')}
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={loading} fullWidth mt="xs">
                {t('auth.signIn')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
