package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /openapi.json: valid OpenAPI 3.1, in step with the routes the platform serves (each documented
 * in it, each documented operation answering), and every example in it valid against its schema.
 */
class OpenApiTest {

  private static final String BASE = "https://openmaap.test/openapi.json";
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final String PHONE = "+8613800000000";

  @TempDir
  static Path dataDir;

  private static Vertx vertx;
  private static RunningPlatform platform;
  private static FakeChatbot bot;
  private static JsonObject document;
  private static SchemaRepository schemas;

  @BeforeAll
  static void start() throws IOException {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    bot = FakeChatbot.start(vertx);
    document = new JsonObject(Buffer.buffer(resource("openapi.json")));
    schemas = SchemaRepository.create(jsonSchemaOptions());
    // JsonSchema.of marks up the JSON it is given: the schemas get copies, never the document.
    schemas.dereference(BASE, JsonSchema.of(document.copy()));
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      bot.close();
      platform.close();
      vertx.close().await();
    }
  }

  @Test
  void openApiJson_isTheResourceFile_servedAsJson() throws IOException {
    HttpResponse<Buffer> response = platform.request(HttpMethod.GET, "/openapi.json").send()
        .await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.body().getBytes()).isEqualTo(resource("openapi.json"));
  }

  @Test
  void document_isValidAgainstTheOfficialOpenApi31Schema() {
    OutputUnit result = validateAsOpenApi31(document);
    // The stricter variant of the official schema also holds every Schema Object to the OAS dialect.
    OutputUnit strict = openApi31Schemas()
        .validator("https://spec.openapis.org/oas/3.1/schema-base/2022-10-07")
        .validate(document.copy());

    assertThat(result.getValid()).as("%s", result.toJson().encodePrettily()).isTrue();
    assertThat(strict.getValid()).as("%s", strict.toJson().encodePrettily()).isTrue();
    assertThat(OpenAPIVersion.fromContract(document)).isEqualTo(OpenAPIVersion.V3_1);
  }

  @Test
  void validators_refuseABrokenDocument_andAnInstanceThatBreaksItsSchema() {
    JsonObject noInfo = document.copy();
    noInfo.remove("info");
    JsonObject responseWithoutDescription = document.copy();
    responseWithoutDescription.getJsonObject("paths").getJsonObject("/oauth2/v1/token")
        .getJsonObject("post").getJsonObject("responses").getJsonObject("200")
        .remove("description");

    assertThat(validateAsOpenApi31(noInfo).getValid()).isFalse();
    assertThat(validateAsOpenApi31(responseWithoutDescription).getValid()).isFalse();
    assertThat(validate("/components/schemas/Error", new JsonObject().put("error",
        new JsonObject().put("status", 400).put("code", "bad_value").put("message", "no reason")))
        .getValid()).isFalse();
  }

  @Test
  void everyRoute_isDocumented_andEveryDocumentedOperation_isRouted() {
    Set<String> routed = routedOperations();
    Set<String> documented = documentedOperations();

    assertThat(routed).hasSizeGreaterThan(30);
    assertThat(documented).as("documented operations").containsAll(routed);
    assertThat(routed).as("routed operations").containsAll(documented);
  }

  @Test
  void everyDocumentedOperation_answersOnARunningPlatform() {
    Map<String, String> values = arrange();
    List<Operation> operations = operations();
    // Deleting things and revoking the token come last, so that every other call still works.
    operations.sort(Comparator.comparingInt(Operation::order));
    SoftAssertions softly = new SoftAssertions();

    for (Operation operation : operations) {
      if (operation.id().equals("connectDevice")) {
        WebSocket socket = vertx.createWebSocketClient().connect(new WebSocketConnectOptions()
            .setPort(platform.port()).setHost("localhost")
            .setURI(operation.path().replace("{msisdn}", PHONE))
            .addHeader("Authorization", "Bearer " + RunningPlatform.NETWORK_TOKEN)).await();
        socket.close().await();
        continue;
      }
      HttpResponse<Buffer> response = call(operation, values);
      int status = response.statusCode();
      softly.assertThat(status).as("%s answered %s %s", operation, status, response.bodyAsString())
          .isNotIn(404, 405).isLessThan(500);
      softly.assertThat(operation.operation().getJsonObject("responses").fieldNames())
          .as("%s documents its answer %s %s", operation, status, response.bodyAsString())
          .contains(String.valueOf(status));
      String schema = operation.jsonResponseSchema(status);
      // A dialect that answers XML or JSON (CMCC) documents both; an XML answer has no schema.
      boolean xml = String.valueOf(response.getHeader("Content-Type")).contains("xml");
      if (schema != null && status / 100 == 2 && !xml) {
        OutputUnit result = validate(schema, response.bodyAsJson(Object.class));
        softly.assertThat(result.getValid())
            .as("%s answer %s against %s: %s", operation, response.bodyAsString(), schema,
                result.getErrors())
            .isTrue();
      }
    }
    softly.assertAll();
  }

  @Test
  void everyExample_isValidAgainstItsSchema() {
    List<Example> examples = new ArrayList<>();
    collectExamples(document, "", examples);
    SoftAssertions softly = new SoftAssertions();

    for (Example example : examples) {
      OutputUnit result = validate(example.schema(), example.value());
      softly.assertThat(result.getValid())
          .as("example %s against %s: %s", example.at(), example.schema(), result.getErrors())
          .isTrue();
    }

    softly.assertAll();
    assertThat(examples).hasSizeGreaterThan(40);
    assertThat(document.getJsonObject("webhooks").fieldNames()).containsExactlyInAnyOrder(
        "message", "response", "isTyping", "messageStatus", "fileStatus", "newUser",
        "campaignStatus");
    for (String event : document.getJsonObject("webhooks").fieldNames()) {
      assertThat(examples).as("an example of the %s event", event)
          .anyMatch(e -> e.at().startsWith("/webhooks/" + event + "/post/requestBody"));
    }
  }

  // ----- the router and the document ----------------------------------------------------------

  /** "METHOD /path/{param}" for every route that names its methods. */
  private static Set<String> routedOperations() {
    Set<String> operations = new TreeSet<>();
    for (Route route : platform.platform.routes()) {
      // Routes for every method are filters (body, auth, rate limits), the static files of the
      // pages under /web/ and the final 404; the endpoints name their methods.
      if (route.methods() == null || route.methods().isEmpty()) {
        continue;
      }
      // Paths with parameters are regular expressions inside the router; the name is as written.
      String path = route.getName().replaceAll("/:(\\w+)", "/{$1}")
          .replaceAll("\\(\\?<(\\w+)>[^)]*\\)", "{$1}");
      route.methods().forEach(method -> operations.add(method.name() + " " + path));
    }
    return operations;
  }

  private static Set<String> documentedOperations() {
    Set<String> operations = new TreeSet<>();
    operations().forEach(operation -> operations.add(operation.toString()));
    return operations;
  }

  private static List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : METHODS) {
        if (item.containsKey(method)) {
          operations.add(new Operation(method.toUpperCase(Locale.ROOT), path, item,
              item.getJsonObject(method)));
        }
      }
    }
    return operations;
  }

  /** One operation of the document, and what it takes to call it. */
  private record Operation(String method, String path, JsonObject item, JsonObject operation) {

    String id() {
      return operation.getString("operationId");
    }

    int order() {
      return switch (id()) {
        case "rotateSecrets" -> 2;
        case "deleteChatbot" -> 3;
        default -> method.equals("DELETE") ? 1 : 0;
      };
    }

    List<JsonObject> parameters() {
      List<JsonObject> parameters = new ArrayList<>();
      for (JsonObject owner : List.of(item, operation)) {
        for (Object parameter : owner.getJsonArray("parameters", new JsonArray())) {
          parameters.add(resolve((JsonObject) parameter));
        }
      }
      return parameters;
    }

    String security() {
      JsonArray requirements = operation.getJsonArray("security",
          document.getJsonArray("security"));
      return requirements.isEmpty() ? null
          : requirements.getJsonObject(0).fieldNames().stream().findFirst().orElse(null);
    }

    /** A JSON pointer to the schema of a JSON answer with this status, or null. */
    String jsonResponseSchema(int status) {
      JsonObject responses = operation.getJsonObject("responses");
      if (!responses.containsKey(String.valueOf(status))) {
        return null;
      }
      String at = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT)
          + "/responses/" + status;
      JsonObject response = responses.getJsonObject(String.valueOf(status));
      if (response.containsKey("$ref")) {
        at = response.getString("$ref").substring(1);
        response = resolve(response);
      }
      JsonObject json = response.getJsonObject("content", new JsonObject())
          .getJsonObject("application/json");
      return json == null || !json.containsKey("schema") ? null
          : at + "/content/application~1json/schema";
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  // ----- calling the platform -----------------------------------------------------------------

  /**
   * A chatbot, its token, a message it sent, a draft campaign, a file it keeps and a provisioned
   * phone.
   */
  private static Map<String, String> arrange() {
    platform.request(HttpMethod.PUT, "/network/v1/devices/" + PHONE)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN).send().await();
    JsonObject registration = platform.register("openapi-sender", bot.url());
    // The chatbot information's example asks for the documentation's own chatbot, coffee.
    platform.register("coffee", bot.url());
    String token = platform.token(registration);
    String basic = Base64.getEncoder().encodeToString((registration.getString("clientId") + ":"
        + registration.getString("clientSecret")).getBytes(StandardCharsets.UTF_8));
    String msgId = platform.send("openapi-sender", token, new JsonObject()
            .put("messageContact", new JsonObject().put("userContact", PHONE))
            .put("RCSMessage", new JsonObject().put("textMessage", "hello")))
        .bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
    String campaignId = platform.request(HttpMethod.POST, "/bot/v1/openapi-sender/campaigns")
        .bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("name", "A draft")
            .put("message", new JsonObject().put("textMessage", "hello")))
        .await().bodyAsJsonObject().getString("campaignId");
    JsonObject ctcu = platform.admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", "openapi-ctcu").put("name", "CT/CU")
            .put("webhookUrl", bot.url()).put("dialect", "ctcu"))
        .await().bodyAsJsonObject();
    String ctcuToken = platform.request(HttpMethod.POST,
            "/bot/v1/sip:openapi-ctcu@test.local/accessToken")
        .sendJsonObject(new JsonObject().put("appId", ctcu.getString("appId"))
            .put("appKey", ctcu.getString("appKey")))
        .await().bodyAsJsonObject().getString("accessToken");
    JsonObject cmcc = platform.admin(HttpMethod.POST, "/admin/v1/chatbots")
        .sendJsonObject(new JsonObject().put("botId", "openapi-cmcc").put("name", "CMCC")
            .put("webhookUrl", bot.url()).put("dialect", "cmcc"))
        .await().bodyAsJsonObject();
    String cmccUri = "sip:openapi-cmcc@test.local";
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    HttpResponse<Buffer> cmccSent = platform.request(HttpMethod.POST,
            "/messaging/v1/outbound/" + cmccUri + "/requests")
        .putHeader("Date", date)
        .putHeader("Authorization", cmccDigest(cmcc.getString("appId"),
            cmcc.getString("password"), date))
        .putHeader("Content-Type", "application/xml")
        .sendBuffer(Buffer.buffer("<msg:outboundMessageRequest"
            + " xmlns:msg=\"urn:oma:xml:rest:netapi:messaging:1\"><address>" + PHONE
            + "</address><outboundIMMessage><messageId>openapi-cmcc-1</messageId>"
            + "<bodyText>hello</bodyText></outboundIMMessage></msg:outboundMessageRequest>"))
        .await();
    assertThat(cmccSent.statusCode()).as(cmccSent.bodyAsString()).isEqualTo(201);
    return Map.ofEntries(Map.entry("botId", "openapi-sender"), Map.entry("token", token),
        Map.entry("basic", basic), Map.entry("msgId", msgId),
        Map.entry("campaignId", campaignId),
        Map.entry("fileId", upload("/bot/v1/openapi-sender/files", "Bearer " + token)),
        Map.entry("msisdn", PHONE), Map.entry("asset", "swagger-ui.css"),
        Map.entry("chatbotUri", "sip:openapi-ctcu@test.local"),
        Map.entry("ctcuToken", ctcuToken),
        Map.entry("senderAddress", cmccUri), Map.entry("requestId", "openapi-cmcc-1"),
        Map.entry("cmccAppId", cmcc.getString("appId")),
        Map.entry("cmccPassword", cmcc.getString("password")));
  }

  /** China Mobile's Basic digest (DIALECTS.md) of an appId and password over a Date. */
  private static String cmccDigest(String appId, String password, String date) {
    String digest = CmccNotifyServer.sha256Hex(CmccNotifyServer.sha256Hex(password) + date);
    return "Basic " + Base64.getEncoder().encodeToString((appId + ":" + digest)
        .getBytes(StandardCharsets.UTF_8));
  }

  private static String upload(String path, String authorization) {
    HttpResponse<Buffer> response = platform.request(HttpMethod.POST, path)
        .putHeader("Authorization", authorization).sendMultipartForm(imageFile()).await();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject().getString("fileId");
  }

  /** A small PNG: images get a thumbnail, so the thumbnail routes have something to serve. */
  private static MultipartForm imageFile() {
    return imageFile("fileContent");
  }

  private static MultipartForm imageFile(String part) {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return MultipartForm.create().binaryFileUpload(part, "dot.png",
        Buffer.buffer(png.toByteArray()), "image/png");
  }

  /** Calls the operation with real ids, its credentials, its example query and body. */
  private static HttpResponse<Buffer> call(Operation operation, Map<String, String> values) {
    String path = operation.path();
    Matcher parameter = Pattern.compile("\\{(\\w+)}").matcher(path);
    while (parameter.find()) {
      path = path.replace(parameter.group(), values.get(parameter.group(1)));
    }
    HttpRequest<Buffer> request = platform.request(HttpMethod.valueOf(operation.method()), path);
    for (JsonObject query : operation.parameters()) {
      if ("query".equals(query.getString("in")) && query.containsKey("example")) {
        request.addQueryParam(query.getString("name"), String.valueOf(query.getValue("example")));
      }
    }
    String scheme = operation.security();
    if ("cmccDigest".equals(scheme)) {
      String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
          ZonedDateTime.now(ZoneOffset.UTC));
      request.putHeader("Date", date).putHeader("Authorization",
          cmccDigest(values.get("cmccAppId"), values.get("cmccPassword"), date));
    } else if (scheme != null) {
      request.putHeader("Authorization", switch (scheme) {
        case "botToken" -> "Bearer " + values.get("token");
        case "adminToken" -> "Bearer " + RunningPlatform.ADMIN_TOKEN;
        case "networkToken" -> "Bearer " + RunningPlatform.NETWORK_TOKEN;
        case "clientCredentials" -> "Basic " + values.get("basic");
        case "ctcuToken" -> "accessToken " + values.get("ctcuToken");
        default -> throw new AssertionError("no credentials for " + scheme);
      });
    }
    JsonObject content = operation.operation().getJsonObject("requestBody", new JsonObject())
        .getJsonObject("content");
    if (content == null) {
      return request.send().await();
    }
    if (content.containsKey("multipart/form-data")) {
      // The file's part is the schema's first required member (a dialect names it otherwise).
      String part = content.getJsonObject("multipart/form-data").getJsonObject("schema")
          .getJsonArray("required", new JsonArray().add("fileContent")).getString(0);
      return request.sendMultipartForm(imageFile(part)).await();
    }
    if (content.containsKey("application/xml")) {
      return request.putHeader("Content-Type", "application/xml")
          .sendBuffer(Buffer.buffer((String) firstExample(
              content.getJsonObject("application/xml"))))
          .await();
    }
    if (content.containsKey("text/csv")) {
      return request.putHeader("Content-Type", "text/csv")
          .sendBuffer(Buffer.buffer((String) firstExample(content.getJsonObject("text/csv"))))
          .await();
    }
    if (content.containsKey("application/x-www-form-urlencoded")) {
      MultiMap form = MultiMap.caseInsensitiveMultiMap();
      ((JsonObject) firstExample(content.getJsonObject("application/x-www-form-urlencoded")))
          .forEach(field -> form.add(field.getKey(), String.valueOf(field.getValue())));
      return request.sendForm(form).await();
    }
    Object example = firstExample(content.getJsonObject("application/json"));
    return request.putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(example instanceof JsonObject object ? object.encode() : "{}"))
        .await();
  }

  private static Object firstExample(JsonObject mediaType) {
    if (mediaType.containsKey("example")) {
      return mediaType.getValue("example");
    }
    JsonObject examples = mediaType.getJsonObject("examples", new JsonObject());
    return examples.isEmpty() ? new JsonObject()
        : resolve(examples.getJsonObject(examples.fieldNames().iterator().next()))
            .getValue("value");
  }

  // ----- examples and schemas -----------------------------------------------------------------

  /** An example value at a place in the document, and the JSON pointer of its schema. */
  private record Example(String at, String schema, Object value) {}

  /**
   * Media types and parameters with a schema and an example (or examples), and schemas with
   * JSON Schema {@code examples}.
   */
  private static void collectExamples(Object node, String at, List<Example> out) {
    if (node instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        collectExamples(array.getValue(i), at + "/" + i, out);
      }
      return;
    }
    if (!(node instanceof JsonObject object)) {
      return;
    }
    if (object.getValue("schema") instanceof JsonObject) {
      String schema = at + "/schema";
      if (object.containsKey("example")) {
        out.add(new Example(at + "/example", schema, object.getValue("example")));
      }
      if (object.getValue("examples") instanceof JsonObject examples) {
        for (String name : examples.fieldNames()) {
          out.add(new Example(at + "/examples/" + name, schema,
              resolve(examples.getJsonObject(name)).getValue("value")));
        }
      }
    }
    if (object.getValue("examples") instanceof JsonArray examples) {
      for (int i = 0; i < examples.size(); i++) {
        out.add(new Example(at + "/examples/" + i, at, examples.getValue(i)));
      }
    }
    for (String name : object.fieldNames()) {
      if (!name.equals("example") && !name.equals("examples")) {
        collectExamples(object.getValue(name), at + "/" + escape(name), out);
      }
    }
  }

  /** Validates against the schema at a JSON pointer into the document. */
  private static OutputUnit validate(String schemaPointer, Object instance) {
    JsonObject schema = (JsonObject) absoluteRefs(((JsonObject) at(schemaPointer)).copy());
    return schemas.validator(JsonSchema.of(schema), jsonSchemaOptions()).validate(instance);
  }

  /** Makes the document's "#/components/..." refs point into the repository's copy of it. */
  private static Object absoluteRefs(Object node) {
    if (node instanceof JsonObject object) {
      for (String name : object.fieldNames()) {
        Object value = object.getValue(name);
        object.put(name, name.equals("$ref") && value instanceof String ref && ref.startsWith("#")
            ? BASE + ref : absoluteRefs(value));
      }
    } else if (node instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, absoluteRefs(array.getValue(i)));
      }
    }
    return node;
  }

  private static JsonSchemaOptions jsonSchemaOptions() {
    return new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri(BASE)
        .setOutputFormat(OutputFormat.Basic);
  }

  private static OutputUnit validateAsOpenApi31(JsonObject candidate) {
    return OpenAPIVersion.V3_1.validateContract(vertx, openApi31Schemas(), candidate.copy())
        .await();
  }

  /** The official OpenAPI 3.1 schemas, as vertx-openapi bundles them. */
  private static SchemaRepository openApi31Schemas() {
    return OpenAPIVersion.V3_1.getRepository(vertx, BASE).await();
  }

  /** Follows a local {@code $ref} ("#/components/..."). */
  private static JsonObject resolve(JsonObject object) {
    String ref = object.getString("$ref");
    return ref == null ? object : (JsonObject) at(ref.substring(1));
  }

  /** The value at a JSON pointer into the document. */
  private static Object at(String pointer) {
    Object target = document;
    for (String token : pointer.substring(1).split("/")) {
      String name = token.replace("~1", "/").replace("~0", "~");
      target = target instanceof JsonArray array ? array.getValue(Integer.parseInt(name))
          : ((JsonObject) target).getValue(name);
    }
    return target;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = OpenApiTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name + " on the classpath").isNotNull();
      return in.readAllBytes();
    }
  }
}
