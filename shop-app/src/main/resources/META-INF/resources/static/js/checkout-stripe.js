// Checkout with Stripe Elements: the card never touches our servers. On submit with "card" chosen, Stripe.js turns
// the card into a PaymentMethod (pm_...) that the form posts as cardToken; the server confirms it (ADR 1201).
(function () {
  'use strict';
  var form = document.querySelector('form.checkout-form');
  var mount = document.getElementById('card-element');
  if (!form || !mount || typeof window.Stripe !== 'function') {
    return;
  }
  var stripe = window.Stripe(mount.getAttribute('data-key'), { locale: 'ja' });
  var card = stripe.elements().create('card', { hidePostalCode: true });
  card.mount(mount);
  var token = form.querySelector('input[name="cardToken"]');
  var errors = document.getElementById('card-errors');
  var tokenized = false;
  form.addEventListener('submit', function (event) {
    var method = form.querySelector('input[name="paymentMethod"]:checked');
    if (tokenized || !method || method.value !== 'card') {
      return;
    }
    event.preventDefault();
    stripe.createPaymentMethod({ type: 'card', card: card }).then(function (result) {
      if (result.error) {
        errors.textContent = result.error.message;
        return;
      }
      token.value = result.paymentMethod.id;
      tokenized = true;
      form.submit();
    });
  });
})();
