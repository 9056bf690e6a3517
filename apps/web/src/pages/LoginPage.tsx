import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Space, Tag } from 'antd';
// The two inputs alone: antd's `Input` namespace also carries TextArea, Search and OTP (≈ 14 KB gzip).
import Input from 'antd/es/input/Input.js';
import Password from 'antd/es/input/Password.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Logo } from '../components/Logo.tsx';
import { setLocale } from '../i18n/index.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';
import { apiError, applyFieldErrors } from '../lib/api-error.ts';
import { useTRPC } from '../lib/trpc.ts';

const DEMO_PASSWORD = 'ctp-demo-2026';

/**
 * The sign-in page is in everyone's first load, so it is drawn without antd's Card and Typography (Card brings Tabs →
 * Dropdown → Menu, Typography brings Tooltip: ≈ 31 KB gzip, issue 16); styles.css gives the two panels
 * the look of a borderless Card (`.ctp-login-card`, `.ctp-login-demo`) with antd's default tokens.
 */
export default function LoginPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ email: string; password: string }>();
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
        applyFieldErrors(form, err);
        setError(err.message);
        if (err.code === 'INTERNAL') message.error(err.message);
      },
    }),
  );

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
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => {
              setError(null);
              login.mutate(values);
            }}
            onValuesChange={() => setError(null)}
          >
            <Form.Item
              name="email"
              label={t('login.email')}
              rules={[{ required: true, message: t('login.emailRequired') }]}
            >
              <Input prefix={<MailOutlined />} autoComplete="username" size="large" data-testid="login-email" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
                data-testid="login-password"
              />
            </Form.Item>
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
          </Form>
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
                  onClick={() => form.setFieldsValue({ email: a.email, password: DEMO_PASSWORD })}
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
