import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { clientsKey, createClients } from './api/clients';
import { createAppI18n, resolveLocale } from './i18n';
import { browserEnv, browserEnvKey } from './platform/browserEnv';
import { LOCALE_KEY } from './stores/preferences';
import './styles/theme.css';
import './styles/base.css';

const env = browserEnv();
const app = createApp(App);
app.provide(clientsKey, createClients());
app.provide(browserEnvKey, env);
app.use(createPinia());
// The first paint already uses the saved or browser language; App.vue keeps i18n in step with the
// preferences store afterwards (which may adopt the OS locale from getAppInfo).
app.use(createAppI18n(resolveLocale(env.storage?.getItem(LOCALE_KEY) ?? null, env.languages)));
app.mount('#app');
