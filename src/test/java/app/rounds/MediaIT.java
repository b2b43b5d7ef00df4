package app.rounds;

import app.rounds.testing.ApiClient;
import app.rounds.testing.Conditions;
import app.rounds.testing.Reply;
import app.rounds.testing.RunningRounds;
import app.rounds.testing.Staff;
import app.rounds.testing.TestPhotos;
import app.rounds.testing.TestVideos;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.media.QuickTimeSoundDirectory;
import com.drew.metadata.mov.media.QuickTimeVideoDirectory;
import com.drew.metadata.mov.metadata.QuickTimeMetadataDirectory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static app.rounds.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The media library end to end: real photos made here with GPS and camera EXIF, and a phone video made here by ffmpeg
 * with a location, uploaded over HTTP to the deployed app; their stored copies read back with metadata-extractor.
 * The test server ({@link RunningRounds}) limits photos to 1 MB and videos to 3 MB.
 */
@ExtendWith(RunningRounds.class)
@ResourceLock(RunningRounds.MEDIA_FOLDER)
class MediaIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RunningRounds.Base
    URL base;

    ApiClient presenter;
    String sessionId;

    @BeforeEach
    void session() {
        presenter = new Staff(ApiClient.anonymous(base).from(Staff.uniqueAddress())).create("presenter").client();
        sessionId = presenter.post("api/sessions", json("{'title':'Media " + Staff.uniqueSuffix() + "'}")).json()
                .getString("id");
    }

    /** The start of an MP4 file (an ftyp box) and random media data. */
    static byte[] video(int size) {
        byte[] video = new byte[size];
        ThreadLocalRandom.current().nextBytes(video);
        byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'm', 'p', '4', '2', 'i',
                's', 'o', 'm', 0, 0, 0, 8, 'f', 'r', 'e', 'e'};
        System.arraycopy(ftyp, 0, video, 0, ftyp.length);
        return video;
    }

    HttpResponse<String> upload(String name, byte[] body, String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/sessions/" + sessionId + "/media?name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Authorization", presenter.header("Authorization")).header("Content-Type", contentType)
                // as large uploads should: a refusal by the declared length comes before the body is sent
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(String path, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", presenter.header("Authorization"));
        if (range != null) {
            request.header("Range", range);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonObject body(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    int items() {
        return presenter.get("api/sessions/" + sessionId + "/media").array().size();
    }

    @Test
    void aStoredPhotoHasNoHiddenMetadataAndItsOrientationApplied() throws Exception {
        byte[] original = TestPhotos.withExif(64, 32);
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original));
        assertTrue(before.containsDirectoryOfType(GpsDirectory.class), "the test photo carries GPS");

        HttpResponse<String> uploaded = upload("ward 7.jpg", original, "application/octet-stream");
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        JsonObject item = body(uploaded);
        assertEquals("PHOTO", item.getString("kind"));
        assertEquals("REMOVED", item.getString("metadata"));
        assertEquals(32, item.getInt("width"), "orientation 6 applied: the landscape photo stands upright");
        assertEquals(64, item.getInt("height"));

        for (String url : List.of(item.getString("contentUrl"), item.getString("smallUrl"), item.getString("largeUrl"))) {
            HttpResponse<byte[]> stored = download(url, null);
            assertEquals(200, stored.statusCode(), url);
            Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored.body()));
            assertTrue(!after.containsDirectoryOfType(GpsDirectory.class)
                    && !after.containsDirectoryOfType(ExifIFD0Directory.class), "no EXIF, no GPS in " + url);
            assertTrue(new String(stored.body(), StandardCharsets.ISO_8859_1).indexOf("Canon") < 0);
        }
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(download(item.getString("contentUrl"), null)
                .body()));
        assertTrue(new Color(upright.getRGB(16, 5)).getRed() > 200 && new Color(upright.getRGB(16, 5)).getGreen() < 80,
                "the red half is on top after the rotation");
        assertTrue(new Color(upright.getRGB(16, 58)).getGreen() > 200, "the white half below");

        HttpResponse<String> again = upload("copy.jpg", original, "image/jpeg");
        assertEquals(200, again.statusCode(), "the same file again is the same item");
        assertEquals(item.getString("id"), body(again).getString("id"));
        assertEquals(1, items());
    }

    @Test
    void concurrentUploadsOfTheSameFileStoreItOnce() throws Exception {
        byte[] original = TestPhotos.withExif(40, 40);
        try (ExecutorService parallel = Executors.newFixedThreadPool(4)) {
            List<Future<HttpResponse<String>>> uploads = parallel.invokeAll(Stream.<Callable<HttpResponse<String>>>
                    generate(() -> () -> upload("same.jpg", original, "image/jpeg")).limit(4).toList());
            for (Future<HttpResponse<String>> upload : uploads) {
                int status = upload.get().statusCode();
                assertTrue(status == 200 || status == 201, upload.get().body());
            }
        }
        assertEquals(1, items());
    }

    @Test
    void wrongTypesPolyglotsBrokenAndOversizeFilesAreRefusedAndNothingIsStored() throws Exception {
        byte[] executable = new byte[4096];
        System.arraycopy(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, executable, 0, 8);
        assertRefused(upload("photo.jpg", executable, "image/jpeg"), 415);

        byte[] photo = TestPhotos.withExif(48, 48);
        assertRefused(upload("photo.png", photo, "image/png"), 415); // a JPEG named as a PNG

        ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
        polyglot.write(photo);
        polyglot.write("PK\u0003\u0004payload<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(upload("photo.jpg", polyglot.toByteArray(), "image/jpeg"), 415);

        assertRefused(upload("photo.jpg", Arrays.copyOf(photo, photo.length / 2), "image/jpeg"), 415);

        byte[] bigPhoto = Arrays.copyOf(photo, 2 * 1024 * 1024);
        assertRefused(upload("big.jpg", bigPhoto, "image/jpeg"), 413);
        assertRefused(upload("huge.mp4", video(4 * 1024 * 1024), "video/mp4"), 413);

        assertEquals(0, items(), "nothing refused is listed");
        Path media = Path.of(System.getProperty("rounds.it.media.dir", "target/it-media"));
        if (Files.isDirectory(media.resolve("tmp"))) {
            try (Stream<Path> left = Files.list(media.resolve("tmp"))) {
                assertEquals(List.of(), left.toList(), "no temporary file left behind");
            }
        }
    }

    /**
     * Pictures that decode to hundreds of MB from a few hundred KB, three at once, twice, on the shared server's
     * 512 MB heap (where one 7,000 × 7,000 decode in full and its copies took it all): the 10,000 × 10,000 ones
     * are refused from their header, the 7,000 × 7,000 one decoded subsampled, nothing answers 5xx, and the server
     * is ready afterwards with no OutOfMemoryError in its log.
     */
    @Test
    void pictureBombsAreRefusedFromTheirHeaderOrDecodedSmallAndTheServerStaysWell() throws Exception {
        byte[] wide = TestPhotos.flatPng(7000, 7000);
        byte[] huge = TestPhotos.flatPng(10_000, 10_000);
        byte[] claiming = TestPhotos.jpegClaiming(10_000, 10_000);
        for (int round = 0; round < 2; round++) {
            List<HttpResponse<String>> answers = new java.util.ArrayList<>();
            try (ExecutorService parallel = Executors.newFixedThreadPool(3)) {
                for (Future<HttpResponse<String>> answer : parallel.invokeAll(List.<Callable<HttpResponse<String>>>of(
                        () -> upload("wide.png", wide, "image/png"), () -> upload("huge.png", huge, "image/png"),
                        () -> upload("claiming.jpg", claiming, "image/jpeg")))) {
                    answers.add(answer.get());
                }
            }
            for (HttpResponse<String> answer : answers) {
                assertTrue(answer.statusCode() < 500, answer.statusCode() + " " + answer.body());
            }
            HttpResponse<String> decoded = answers.get(0);
            assertEquals(round == 0 ? 201 : 200, decoded.statusCode(), decoded.body());
            assertEquals(3500, body(decoded).getInt("width"), "decoded at half its size, as stored");
            for (HttpResponse<String> refused : answers.subList(1, 3)) {
                assertRefused(refused, 413);
                assertEquals("This picture is 10,000 × 10,000 pixels; Rounds takes pictures up to 64 megapixels.",
                        body(refused).getString("detail"));
            }
        }
        assertEquals(1, items(), "the refused ones are not listed");
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(base + "health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        Path log = Path.of("target", "payara-process-" + base.getPort() + ".log");
        if (Files.exists(log)) {
            assertFalse(Files.readString(log, StandardCharsets.ISO_8859_1).contains("OutOfMemoryError"), log.toString());
        }
    }

    @Test
    void anUploadCutOffHalfWayLeavesNothingBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("rounds.it.media.dir", "target/it-media"), "tmp");
        byte[] video = video(2 * 1024 * 1024);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/sessions/" + sessionId + "/media?name=cut.mp4 HTTP/1.1\r\nHost: " + base.getHost()
                    + ":" + base.getPort() + "\r\nAuthorization: " + presenter.header("Authorization")
                    + "\r\nContent-Type: video/mp4\r\nContent-Length: " + video.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(video, 0, video.length / 2);
            out.flush();
            Conditions.await("the upload under way", Duration.ofSeconds(20), () -> partFiles(tmp) > 0);
        } // the connection drops half-way
        Conditions.await("the half-received file removed", Duration.ofSeconds(30), () -> partFiles(tmp) == 0);
        assertEquals(0, items());
    }

    static long partFiles(Path tmp) {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    void assertRefused(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
    }

    @Test
    void videosAreServedInRangesForSeeking() throws Exception {
        byte[] video = video(300_000);
        HttpResponse<String> uploaded = upload("drill.mp4", video, "application/octet-stream");
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        JsonObject item = body(uploaded);
        assertEquals("VIDEO", item.getString("kind"));
        assertEquals("video/mp4", item.getString("contentType"));
        // random bytes behind an MP4 header: ffmpeg cannot rewrite them, so they are kept as uploaded, unpublishable
        assertEquals("NOT_REMOVED", item.getString("metadata"), "recorded: the container's metadata could not go");
        String path = "api/sessions/" + sessionId + "/media/" + item.getString("id");
        presenter.put(path, json("{'altText':'A resuscitation drill on a mannequin'}"));
        JsonObject described = presenter.put(path + "/people", json("{'noIdentifiablePeople':true}")).json();
        assertFalse(described.getBoolean("publishable"), described.toString());
        assertEquals(1, described.getJsonArray("unpublishableReasons").size(), described.toString());
        String reason = described.getJsonArray("unpublishableReasons").getString(0);
        assertTrue(reason.startsWith("its hidden metadata, which can tell where, when and with which device it was "
                + "filmed, was not removed: ffmpeg could not rewrite it"), reason);
        String url = item.getString("contentUrl");

        HttpResponse<byte[]> whole = download(url, null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(video, whole.body());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));

        HttpResponse<byte[]> middle = download(url, "bytes=1000-1999");
        assertEquals(206, middle.statusCode());
        assertEquals("bytes 1000-1999/300000", middle.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(video, 1000, 2000), middle.body());

        HttpResponse<byte[]> tail = download(url, "bytes=-100");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(video, 299_900, 300_000), tail.body());

        HttpResponse<byte[]> outside = download(url, "bytes=400000-");
        assertEquals(416, outside.statusCode());
        assertEquals("bytes */300000", outside.headers().firstValue("Content-Range").orElse(""));
    }

    @Test
    void aPhoneVideoWithALocationComesBackWithoutIt(@TempDir Path folder) throws Exception {
        TestVideos.assumeFfmpeg();
        byte[] original = Files.readAllBytes(TestVideos.iphone(folder));
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original));
        QuickTimeMetadataDirectory apple = before.getFirstDirectoryOfType(QuickTimeMetadataDirectory.class);
        assertTrue(apple != null && apple.containsTag(QuickTimeMetadataDirectory.TAG_LOCATION_ISO6709)
                && apple.containsTag(QuickTimeMetadataDirectory.TAG_MODEL), "the test video carries a location");

        HttpResponse<String> uploaded = upload("IMG_0042.MOV", original, "video/quicktime");
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        JsonObject item = body(uploaded);
        assertEquals("VIDEO", item.getString("kind"));
        assertEquals("video/quicktime", item.getString("contentType"));
        assertEquals("REMOVED", item.getString("metadata"), item.toString());
        assertEquals(160, item.getInt("width"));
        assertEquals(120, item.getInt("height"));
        assertEquals(1000, item.getInt("durationMillis"));

        HttpResponse<byte[]> stored = download(item.getString("contentUrl"), null);
        assertEquals(200, stored.statusCode());
        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored.body()));
        assertFalse(after.containsDirectoryOfType(QuickTimeMetadataDirectory.class)
                || after.containsDirectoryOfType(GpsDirectory.class), "no location, make, model or creation date");
        Date created = after.getFirstDirectoryOfType(QuickTimeDirectory.class)
                .getDate(QuickTimeDirectory.TAG_CREATION_TIME);
        assertTrue(created == null || created.toInstant().isBefore(Instant.parse("1904-01-02T00:00:00Z")),
                "no creation time: " + created);
        for (String hidden : List.of(TestVideos.POSITION, TestVideos.MODEL, "com.apple.quicktime", "2026-03-01")) {
            assertFalse(TestVideos.contains(stored.body(), hidden), hidden + " is gone from every byte");
        }
        QuickTimeVideoDirectory pictures = after.getFirstDirectoryOfType(QuickTimeVideoDirectory.class);
        assertEquals(160, pictures.getInt(QuickTimeVideoDirectory.TAG_WIDTH), "the pictures are intact");
        assertTrue(after.containsDirectoryOfType(QuickTimeSoundDirectory.class), "so is the sound");

        String path = "api/sessions/" + sessionId + "/media/" + item.getString("id");
        presenter.put(path, json("{'altText':'Hands of a nurse setting up an infusion pump'}"));
        assertTrue(presenter.put(path + "/people", json("{'noIdentifiablePeople':true}")).json()
                .getBoolean("publishable"), "a video without its metadata can be published");

        HttpResponse<String> again = upload("IMG_0042 copy.MOV", original, "video/quicktime");
        assertEquals(200, again.statusCode(), "the same video again gives the same bytes: the same item");
        assertEquals(item.getString("id"), body(again).getString("id"));
    }

    @Test
    void anItemIsPublishableOnlyWithAltTextAndEveryonePicturedConsentingAndWithdrawalIsAsEasy() throws Exception {
        JsonObject item = body(upload("ward.jpg", TestPhotos.withExif(30, 20), "image/jpeg"));
        String path = "api/sessions/" + sessionId + "/media/" + item.getString("id");
        assertEquals(false, item.getBoolean("publishable"));
        assertEquals(2, item.getJsonArray("unpublishableReasons").size(), item.toString());

        presenter.put(path, json("{'altText':'A nurse shows a patient how to use an inhaler'}"));
        JsonObject withNurse = presenter.post(path + "/consents", json("{'person':'Nurse Kim','relation':'STAFF',"
                + "'scope':'PUBLIC','status':'GRANTED','evidenceNote':'form 2026-114'}")).json();
        assertTrue(withNurse.getBoolean("publishable"), withNurse.toString());

        JsonObject withPatient = presenter.post(path + "/consents", json("{'person':'Patient ref. 7731',"
                + "'relation':'PATIENT','scope':'PUBLIC','status':'GRANTED'}")).json();
        assertEquals(false, withPatient.getBoolean("publishable"), "a patient needs a signed authorisation");
        assertTrue(withPatient.getJsonArray("unpublishableReasons").getString(0).contains("signed authorisation"));
        String patient = withPatient.getJsonArray("consents").getJsonObject(1).getString("id");
        assertTrue(presenter.put(path + "/consents/" + patient, json("{'signedAuthorisation':true,"
                + "'evidenceNote':'HIPAA authorisation scanned, ref. A-7731'}")).json().getBoolean("publishable"));

        String nurse = withNurse.getJsonArray("consents").getJsonObject(0).getString("id");
        JsonObject withdrawn = presenter.put(path + "/consents/" + nurse, json("{'status':'WITHDRAWN'}")).json();
        assertEquals(false, withdrawn.getBoolean("publishable"), "withdrawn: unpublishable at once");
        assertTrue(withdrawn.getJsonArray("unpublishableReasons").getString(0).contains("withdrawn"));
        List<String> history = presenter.get(path + "/consents/history").array().getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
        assertEquals(4, history.size(), history.toString());
        assertTrue(history.getLast().contains("WITHDRAWN") && history.getLast().contains("Nurse Kim: withdrawn"));

        JsonObject internalOnly = presenter.put(path + "/consents/" + nurse,
                json("{'status':'GRANTED','scope':'INTERNAL'}")).json();
        assertEquals(false, internalOnly.getBoolean("publishable"), "internal use only is not publication");
        assertEquals(400, presenter.post(path + "/consents", json("{'person':'','relation':'CAT','scope':'PUBLIC',"
                + "'status':'GRANTED'}")).status());

        String landscape = body(upload("empty-ward.jpg", TestPhotos.withExif(50, 20), "image/jpeg")).getString("id");
        String other = "api/sessions/" + sessionId + "/media/" + landscape;
        presenter.put(other, json("{'altText':'An empty ward with six beds'}"));
        assertTrue(presenter.put(other + "/people", json("{'noIdentifiablePeople':true}")).json()
                .getBoolean("publishable"), "no one to ask when no one can be recognised");
    }

    @Test
    void removingAnItemDeletesItsFilesOnceNothingElseUsesThem() throws Exception {
        byte[] photo = TestPhotos.withExif(36, 24);
        ApiClient firstPresenter = presenter;
        String firstSession = sessionId;
        JsonObject here = body(upload("shared.jpg", photo, "image/jpeg"));
        session(); // another presenter's session, with the same photo
        JsonObject there = body(upload("shared.jpg", photo, "image/jpeg"));
        String sha256 = download(there.getString("contentUrl"), null).headers().firstValue("ETag").orElseThrow()
                .replace("\"", "");
        Path stored = Path.of(System.getProperty("rounds.it.media.dir", "target/it-media"), sha256.substring(0, 2),
                sha256);
        assertTrue(Files.exists(stored), stored.toString());

        assertEquals(204, presenter.delete("api/sessions/" + sessionId + "/media/" + there.getString("id")).status());
        assertEquals(404, presenter.get("api/sessions/" + sessionId + "/media/" + there.getString("id")).status());
        assertTrue(Files.exists(stored), "still used by the other session's item");

        assertEquals(204, firstPresenter.delete("api/sessions/" + firstSession + "/media/" + here.getString("id"))
                .status());
        assertFalse(Files.exists(stored), "deleted once nothing refers to it");
    }

    @Test
    void aScannedConsentFormIsKeptAsEvidenceJudgedByItsContentAndDeletedWithItsItem() throws Exception {
        String path = "api/sessions/" + sessionId + "/media/" + body(upload("bay.jpg", TestPhotos.withExif(30, 20),
                "image/jpeg")).getString("id");
        String consent = presenter.post(path + "/consents", json("{'person':'Nurse Kim','relation':'STAFF',"
                + "'scope':'PUBLIC','status':'GRANTED'}")).json().getJsonArray("consents").getJsonObject(0)
                .getString("id");
        byte[] form = ("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
                + Staff.uniqueSuffix()).getBytes(StandardCharsets.US_ASCII);
        byte[] executable = new byte[2048];
        executable[0] = 'M';
        executable[1] = 'Z';

        HttpResponse<String> refused = attach(path + "/consents/" + consent + "/evidence?name=form.pdf", executable);
        assertRefused(refused, 415);
        assertEquals(jakarta.json.JsonValue.NULL, presenter.get(path).json().getJsonArray("consents").getJsonObject(0)
                .getOrDefault("evidenceFile", jakarta.json.JsonValue.NULL), "nothing attached");

        HttpResponse<String> attached = attach(path + "/consents/" + consent + "/evidence?name=kim-signed.pdf", form);
        assertEquals(200, attached.statusCode(), attached.body());
        assertEquals("kim-signed.pdf", body(attached).getJsonArray("consents").getJsonObject(0)
                .getString("evidenceFile"));
        HttpResponse<byte[]> kept = download(path + "/consents/" + consent + "/evidence", null);
        assertEquals(200, kept.statusCode());
        assertArrayEquals(form, kept.body(), "kept exactly as signed");
        assertEquals("application/pdf", kept.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(kept.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
        assertEquals("no-store", kept.headers().firstValue("Cache-Control").orElseThrow().replace("private, ", ""));
        Path stored = Path.of(System.getProperty("rounds.it.media.dir", "target/it-media"),
                sha256(form).substring(0, 2), sha256(form));
        assertTrue(Files.exists(stored));

        assertEquals(204, presenter.delete(path).status());
        assertFalse(Files.exists(stored), "the form goes with its item once nothing else refers to it");
    }

    HttpResponse<String> attach(String path, byte[] file) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", presenter.header("Authorization"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void filesNoRecordExplainsAreSweptAndRecordedOnesStay() throws Exception {
        JsonObject kept = body(upload("kept.jpg", TestPhotos.withExif(22, 18), "image/jpeg"));
        Path media = Path.of(System.getProperty("rounds.it.media.dir", "target/it-media"));
        String keptSha = download(kept.getString("contentUrl"), null).headers().firstValue("ETag").orElseThrow()
                .replace("\"", "");
        Path keptFile = media.resolve(keptSha.substring(0, 2)).resolve(keptSha);
        String orphanSha = sha256(("placed, then the server crashed " + Staff.uniqueSuffix())
                .getBytes(StandardCharsets.UTF_8));
        Path orphan = Files.createDirectories(media.resolve(orphanSha.substring(0, 2))).resolve(orphanSha);
        Files.writeString(orphan, "an upload whose record never came");
        Path leftover = Files.writeString(media.resolve("tmp").resolve(Staff.uniqueSuffix() + ".part"), "cut off");
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        for (Path file : List.of(keptFile, orphan, leftover)) {
            Files.setLastModifiedTime(file, longAgo);
        }

        assertEquals(403, presenter.post("api/media/sweeps", "").status(), "a sweep is for admins");
        assertTrue(Files.exists(orphan));

        Reply swept = new Staff(ApiClient.anonymous(base)).admin().post("api/media/sweeps", "");
        assertEquals(200, swept.status(), swept.body());
        assertTrue(swept.json().getInt("storedFiles") >= 1 && swept.json().getInt("temporaryFiles") >= 1, swept.body());
        assertFalse(Files.exists(orphan), "a stored file no record explains is removed");
        assertFalse(Files.exists(leftover), "an upload's temporary file that was cut off is removed");
        assertTrue(Files.exists(keptFile), "a recorded file stays, however old");
        assertEquals(200, download(kept.getString("contentUrl"), null).statusCode());
    }

    @Test
    void theLibraryIsForTheSessionsStaffOnly() throws Exception {
        HttpResponse<String> uploaded = upload("ward.jpg", TestPhotos.withExif(20, 20), "image/jpeg");
        String item = body(uploaded).getString("id");
        assertEquals(200, presenter.put("api/sessions/" + sessionId + "/media/" + item,
                json("{'caption':'Hand hygiene drill','altText':'Two nurses at a sink','tags':'hygiene'}")).status());
        JsonObject described = presenter.get("api/sessions/" + sessionId + "/media/" + item).json();
        assertEquals("Two nurses at a sink", described.getString("altText"));
        assertEquals("Hand hygiene drill", described.getString("caption"));
        assertTrue(!described.containsKey("photographer") || described.isNull("photographer"));

        ApiClient stranger = new Staff(ApiClient.anonymous(base).from(Staff.uniqueAddress())).create("presenter")
                .client();
        int foreign = stranger.get("api/sessions/" + sessionId + "/media").status();
        assertTrue(foreign == 403 || foreign == 404, "another presenter: " + foreign);
        assertEquals(401, ApiClient.anonymous(base).get("api/sessions/" + sessionId + "/media/" + item
                + "/content").status());
    }
}
