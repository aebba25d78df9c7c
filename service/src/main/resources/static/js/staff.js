// Copy buttons on staff pages. Buttons start hidden and appear only when this script runs, so
// without JavaScript the links stay on the page to select by hand.
(function () {
    'use strict';

    var status = document.getElementById('copy-status');

    function announce(text) {
        if (status) {
            status.textContent = '';
            // A fresh text node makes screen readers announce a repeated message again.
            window.setTimeout(function () { status.textContent = text; }, 50);
        }
    }

    function copyWithSelection(text) {
        var area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.className = 'offscreen';
        document.body.appendChild(area);
        area.select();
        try {
            return document.execCommand('copy');
        } finally {
            document.body.removeChild(area);
        }
    }

    function copy(text) {
        // The Clipboard API needs a secure context (https or localhost); older ways work elsewhere.
        if (navigator.clipboard && window.isSecureContext) {
            return navigator.clipboard.writeText(text);
        }
        return copyWithSelection(text) ? Promise.resolve() : Promise.reject(new Error('copy refused'));
    }

    function textFor(button) {
        if (button.hasAttribute('data-copy')) {
            return button.getAttribute('data-copy');
        }
        var source = document.getElementById(button.getAttribute('data-copy-from'));
        return source ? source.value : '';
    }

    Array.prototype.forEach.call(document.querySelectorAll('[data-copy], [data-copy-from]'), function (button) {
        button.hidden = false;
        button.addEventListener('click', function () {
            copy(textFor(button)).then(function () {
                announce(button.getAttribute('data-copied') || 'Copied.');
            }, function () {
                announce('Could not copy. Select the text and copy it yourself.');
            });
        });
    });
}());
