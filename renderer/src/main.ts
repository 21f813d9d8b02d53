import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { clientsKey, createClients } from './api/clients';
import { createAppI18n } from './i18n';
import { browserEnv, browserEnvKey } from './platform/browserEnv';
import './styles/theme.css';
import './styles/base.css';
import './styles/viewControls.css';
import './styles/choiceTiles.css';
import './styles/viewTables.css';

const app = createApp(App);
app.provide(clientsKey, createClients());
app.provide(browserEnvKey, browserEnv());
app.use(createPinia());
// App.vue sets the language from the preferences store (saved choice, else the OS) before its
// first render, and keeps it in step afterwards.
app.use(createAppI18n('en'));
app.mount('#app');
