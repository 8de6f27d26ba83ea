// The Preact shop's browser entry: one router for the page, the app rendered into #app.
import { render } from "preact";
import { createRouter } from "../../shared/shop.js";
import { App, BASE } from "./app.js";

const root = document.getElementById("app");
if (root) render(<App router={createRouter(BASE)} />, root);
