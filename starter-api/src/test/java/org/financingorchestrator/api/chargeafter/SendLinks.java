package org.financingorchestrator.api.chargeafter;

/** Send-link bodies for the API tests: the document's cart (it adds up to 4296). */
final class SendLinks {

  private SendLinks() {}

  static String checkout(String merchantOrderId) {
    return checkout(merchantOrderId, "4296.0", "redirectUrl");
  }

  static String checkout(String merchantOrderId, String totalAmount, String sendUsing) {
    return """
        {"channel": "e_commerce", "flow": "checkout", "sendUsing": "%s",
         "consumerDetails": {"firstName": "John", "lastName": "Doe", "email": "john@example.com",
           "shippingAddress": {"line1": "3 My Street", "city": "New York", "zipCode": "10019", "state": "NY"},
           "billingAddress": {"line1": "3 My Street", "city": "New York", "zipCode": "10019", "state": "NY"}},
         "cartDetails": {"items": [{"name": "Awesome Product", "price": 1999.0, "sku": "AWSMPRDCT", "quantity": 2,
             "warranty": {"name": "Awesome Warranty", "price": 100.0, "sku": "AWSMWRNTY"}}],
           "discounts": [{"name": "Birthday discount", "amount": 20}, {"name": "No amount"}],
           "taxAmount": 199.0, "shippingAmount": 19.0, "totalAmount": %s},
         "currency": "USD", "merchantOrderId": "%s", "tags": {"store": "nyc", "lane": 4},
         "redirectOnSuccessURL": "https://shop.example/financing/approved",
         "redirectOnFailureURL": "https://shop.example/financing/declined?lang=en"}
        """
        .formatted(sendUsing, totalAmount, merchantOrderId);
  }

  static String approved(String statusTrackingId, String token) {
    return """
        {"statusTrackingId": "%s", "applicationId": "1234a6b4", "correlationId": "", "tags": {},
         "token": %s, "consumerId": "11799f58-3c06-42a6-b5d5-1c85fa0829fc",
         "availableCredit": [{"creditAmount": "5000", "lender": {"name": "lenderName", "id": "lenderId"}}],
         "consumerDetails": {"firstName": "John", "lastName": "Doe", "email": "john@example.com"},
         "lender": {"name": "Lender", "id": "lenderid"},
         "orderInfo": {"totalAmount": 4296, "taxAmount": 199, "shippingAmount": 19},
         "error": null}
        """
        .formatted(statusTrackingId, token == null ? "null" : "\"" + token + "\"");
  }

  static String dataUpdate(String statusTrackingId, String creditAmount) {
    return """
        {"statusTrackingId": "%s", "consumerId": "c-1",
         "availableCredit": [{"creditAmount": "%s", "lender": {"name": "lenderName", "id": "lenderId"}}]}
        """
        .formatted(statusTrackingId, creditAmount);
  }
}
