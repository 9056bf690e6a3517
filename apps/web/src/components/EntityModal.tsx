import { Alert, App, type ButtonProps, Form, type FormInstance, type FormProps, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, applyFieldErrors } from '../lib/api-error.ts';

export type EntityModalOptions = {
  /** After a save (and after a stale refusal): reload what the modal changed. */
  onSaved?: () => unknown;
  /** Also show a refusal as a toast, for pages whose other actions report that way. */
  toastErrors?: boolean;
  /** Refusals that mean "someone else saved first": say so with `note`, close and reload rather than keep the form. */
  stale?: { details: readonly string[]; note: string };
};

/**
 * One modal form's state: whether it is open and for what (`target`: the row edited, the objection resolved, the
 * step taken), its form instance, the server's refusal and whether a save is running.
 */
export type EntityModalState<V, T> = {
  form: FormInstance<V>;
  isOpen: boolean;
  target: T | undefined;
  error: string | null;
  pending: boolean;
  open: (target?: T) => void;
  close: () => void;
  /**
   * Runs a mutation: success says `success`, closes and reloads; the server's field errors land on the fields and its
   * message in the modal's Alert.
   */
  submit: (call: () => Promise<unknown>, success: string) => Promise<void>;
};

/**
 * The one way a modal form opens, saves through a mutation, shows a refusal and resets (issue 15). Reset: each
 * opening mounts a fresh form (`EntityModal` destroys it on close and keeps no values), and closing clears the error.
 */
export function useEntityModal<V = Record<string, unknown>, T = undefined>(
  options: EntityModalOptions = {},
): EntityModalState<V, T> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [opened, setOpened] = useState<{ target: T | undefined } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const close = () => {
    setOpened(null);
    setError(null);
  };
  const open = (target?: T) => {
    setError(null);
    setOpened({ target });
  };
  const submit = async (call: () => Promise<unknown>, success: string) => {
    setError(null);
    setPending(true);
    try {
      await call();
      message.success(success);
      close();
      await options.onSaved?.();
    } catch (e) {
      const err = apiError(e, t('common.networkError'));
      if (options.stale?.details.includes(err.detail)) {
        message.warning(`${err.message} ${options.stale.note}`);
        close();
        await options.onSaved?.();
        return;
      }
      applyFieldErrors(form, err);
      setError(err.message);
      if (options.toastErrors) message.error(err.message);
    } finally {
      setPending(false);
    }
  };
  return { form, isOpen: opened !== null, target: opened?.target, error, pending, open, close, submit };
}

/**
 * The modal of a `useEntityModal`: the refusal above the form, OK submits the form, `onSubmit` runs with its values.
 * `testId` marks the modal's body; the OK button is `okTestId` (default `<testId>-save`).
 */
export function EntityModal<V, T>({
  modal,
  title,
  onSubmit,
  success,
  testId,
  okTestId,
  okText,
  okDisabled,
  width,
  intro,
  initialValues,
  onValuesChange,
  children,
}: {
  modal: EntityModalState<V, T>;
  title: ReactNode;
  onSubmit: (values: V) => Promise<unknown>;
  /** The toast after a save. */
  success: string;
  testId?: string;
  okTestId?: string;
  okText?: string;
  okDisabled?: boolean;
  width?: number;
  /** Shown above the form (help text). */
  intro?: ReactNode;
  initialValues?: FormProps<V>['initialValues'];
  onValuesChange?: FormProps<V>['onValuesChange'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={modal.isOpen}
      title={title}
      onCancel={modal.close}
      onOk={() => modal.form.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={modal.pending}
      width={width}
      destroyOnHidden
      // data-testid is not among ButtonProps' keys, but antd passes it on to the button.
      okButtonProps={{ disabled: okDisabled, 'data-testid': okTestId ?? (testId && `${testId}-save`) } as ButtonProps}
    >
      <div data-testid={testId}>
        {modal.error && (
          <Alert type="error" showIcon title={modal.error} style={{ marginBottom: 16 }} data-testid="form-error" />
        )}
        {intro}
        <Form<V>
          form={modal.form}
          layout="vertical"
          preserve={false}
          // The form instance outlives the modal: without clearing, the rows of a Form.List unmounted at closing
          // are kept as empty rows and win over `initialValues` at the next opening.
          clearOnDestroy
          initialValues={initialValues}
          onValuesChange={onValuesChange}
          onFinish={(v) => modal.submit(() => onSubmit(v), success)}
        >
          {children}
        </Form>
      </div>
    </Modal>
  );
}
