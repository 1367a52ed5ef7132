import { Toast } from "@shopify/polaris";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

interface ToastMessage {
  content: string;
  error: boolean;
  key: number;
}

type ShowToast = (content: string, options?: { error?: boolean }) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

declare global {
  interface Window {
    /** App Bridge's global, present only when the page runs embedded in the Shopify admin. */
    shopify?: { toast?: { show(message: string, options?: { isError?: boolean }): void } };
  }
}

/**
 * Toasts: App Bridge's when embedded (the admin draws them), a Polaris Toast otherwise (the demo session).
 * Must sit inside a Polaris Frame.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const show = useCallback<ShowToast>((content, options) => {
    const error = options?.error ?? false;
    if (typeof window !== "undefined" && window.shopify?.toast) {
      window.shopify.toast.show(content, { isError: error });
      return;
    }
    setMessage({ content, error, key: Date.now() });
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      {message ? (
        <Toast
          key={message.key}
          content={message.content}
          error={message.error}
          onDismiss={() => setMessage(null)}
        />
      ) : null}
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
