import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Tag } from 'antd';
// The two inputs alone: antd's `Input` namespace also carries TextArea, Search and OTP (≈ 14 KB gzip).
import Input from 'antd/es/input/Input.js';
import Password from 'antd/es/input/Password.js';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Logo } from '../components/Logo.tsx';
import { setLocale } from '../i18n/index.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { apiError } from '../lib/api-error.ts';
import { useTRPC } from '../lib/trpc.ts';

const DEMO_PASSWORD = 'ctp-demo-2026';

type Field = 'email' | 'password';

/** One labelled field of the vertical form, with its error under it (antd Form.Item's look, styles.css). */
function FormField(props: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className={props.error ? 'ctp-field ctp-field-has-error' : 'ctp-field'}>
      <label className="ctp-field-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
      {props.error && (
        <div className="ctp-field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}

/**
 * The sign-in page is in everyone's first load, so it is drawn without antd's Card and Typography (Card brings Tabs →
 * Dropdown → Menu, Typography brings Tooltip: ≈ 31 KB gzip, issue 16); styles.css gives the two panels
 * the look of a borderless Card (`.ctp-login-card`, `.ctp-login-demo`) with antd's default tokens. Nor with antd's
 * Form: two required fields do not need its store and async validator (≈ 20 KB gzip); the checks are below.
 */
export default function LoginPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const info = useQuery(trpc.system.info.queryOptions());

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (me) => {
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), me);
        const next = params.get('next');
        navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        const onFields: Partial<Record<Field, string>> = {};
        for (const f of err.fieldErrors ?? [])
          if (f.path === 'email' || f.path === 'password') onFields[f.path] = f.message;
        setFieldErrors(onFields);
        setError(err.message);
        if (err.code === 'INTERNAL') message.error(err.message);
      },
    }),
  );

  const edit = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setFieldErrors((f) => ({ ...f, [field]: undefined }));
    setError(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!values.email.trim()) missing.email = t('login.emailRequired');
    if (!values.password) missing.password = t('login.passwordRequired');
    setFieldErrors(missing);
    if (missing.email || missing.password) return;
    setError(null);
    login.mutate({ email: values.email.trim(), password: values.password });
  };

  return (
    <div className="ctp-login">
      <section className="ctp-login-hero">
        <Space size={14} align="center">
          <Logo size={44} />
          <div>
            <div className="ctp-login-title">{t('app.fullName')}</div>
            <div className="ctp-login-tagline">{t('app.tagline')}</div>
          </div>
        </Space>
        <ul className="ctp-login-features">
          <li>{t('login.features.pool')}</li>
          <li>{t('login.features.ethics')}</li>
          <li>{t('login.features.monitor')}</li>
        </ul>
        <div className="ctp-login-footnote">{t('app.footer')}</div>
      </section>
      <section className="ctp-login-panel">
        <div className="ctp-login-lang">
          <Button
            type="link"
            onClick={() => void setLocale(i18n.language === 'en' ? 'zh-CN' : 'en')}
            data-testid="locale-switch"
          >
            {t('nav.language')}
          </Button>
        </div>
        <div className="ctp-login-card">
          <h3 className="ctp-login-heading">{t('login.title')}</h3>
          <p className="ctp-login-secondary">{t('login.subtitle')}</p>
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <form onSubmit={submit} noValidate>
            <FormField id="login-email" label={t('login.email')} error={fieldErrors.email}>
              <Input
                id="login-email"
                prefix={<MailOutlined />}
                autoComplete="username"
                size="large"
                value={values.email}
                onChange={(e) => edit('email', e.target.value)}
                status={fieldErrors.email ? 'error' : undefined}
                aria-invalid={!!fieldErrors.email}
                data-testid="login-email"
              />
            </FormField>
            <FormField id="login-password" label={t('login.password')} error={fieldErrors.password}>
              <Password
                id="login-password"
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
                value={values.password}
                onChange={(e) => edit('password', e.target.value)}
                status={fieldErrors.password ? 'error' : undefined}
                aria-invalid={!!fieldErrors.password}
                data-testid="login-password"
              />
            </FormField>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </form>
          <p className="ctp-login-secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('login.securityNote')}
          </p>
        </div>
        {info.data && info.data.demoAccounts.length > 0 && (
          <section className="ctp-login-demo" aria-label={t('login.demoTitle')}>
            <div className="ctp-login-demo-head">{t('login.demoTitle')}</div>
            <p className="ctp-login-secondary" style={{ fontSize: 12 }}>
              {t('login.demoHint', { password: DEMO_PASSWORD })}
            </p>
            <div className="ctp-demo-grid">
              {info.data.demoAccounts.map((a) => (
                <button
                  key={a.email}
                  type="button"
                  className="ctp-demo-account"
                  onClick={() => {
                    setValues({ email: a.email, password: DEMO_PASSWORD });
                    setFieldErrors({});
                    setError(null);
                  }}
                >
                  <Tag color="blue" variant="filled">
                    {t(`roles.${a.role}`)}
                  </Tag>
                  <span>{a.email}</span>
                </button>
              ))}
            </div>
          </section>
        )}
      </section>
    </div>
  );
}
