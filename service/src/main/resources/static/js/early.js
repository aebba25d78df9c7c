// Runs in the head, before the page is drawn: marks it scripted so collapsed parts start collapsed (no jump later).
document.documentElement.classList.add("js");
