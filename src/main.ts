import { mount } from 'svelte';
import { installBenchHook } from './lib/benchHook';
import App from './ui/App.svelte';
import './ui/global.css';

// index.html's classic script has already told the clerk this browser cannot run the app; mounting
// over its message would only replace it with a broken page.
const unsupported = (window as { __ledgerBoardUnsupported?: boolean }).__ledgerBoardUnsupported === true;
const target = document.getElementById('app');
if (target && !unsupported) {
  installBenchHook();
  mount(App, { target });
}
