package org.lrsearch.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.DataException;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.api.Selection;
import org.lrsearch.api.TaskRequest;

/** The idx and csv datasets on files the test writes, the fashion-mnist preset's answer when its files are absent. */
class DatasetsTest {
    @TempDir
    Path dir;

    /** An IDX file: magic 0x0000TTDD, the dimensions, then the values big-endian. */
    static byte[] idx(int type, int[] dims, double[] values) {
        int width = switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            default -> 8;
        };
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + width * values.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        for (double v : values) {
            switch (type) {
                case 0x08, 0x09 -> b.put((byte) v);
                case 0x0B -> b.putShort((short) v);
                case 0x0C -> b.putInt((int) v);
                case 0x0D -> b.putFloat((float) v);
                default -> b.putDouble(v);
            }
        }
        return b.array();
    }

    @Test
    void idxReadsFloatExamplesOfAnyShapeWithIntLabels() throws IOException {
        // 6 training examples of shape 2×3 (float32), 3 classes; 3 test examples; labels int32.
        double[] train = new double[6 * 6];
        for (int i = 0; i < train.length; i++) {
            train[i] = i * 0.5;
        }
        Files.write(dir.resolve("x-train"), idx(0x0D, new int[] {6, 2, 3}, train));
        Files.write(dir.resolve("y-train"), idx(0x0C, new int[] {6}, new double[] {0, 1, 2, 0, 1, 2}));
        Files.write(dir.resolve("x-test"), idx(0x0E, new int[] {3, 2, 3}, new double[18]));
        Files.write(dir.resolve("y-test"), idx(0x08, new int[] {3}, new double[] {2, 1, 0}));
        IdxPlugin.Options o = OptionDefaults.create(IdxPlugin.Options.class,
                Map.of("dir", dir.toString(), "trainImages", "x-train", "trainLabels", "y-train", "testImages", "x-test",
                        "testLabels", "y-test", "scale", 2.0));
        FewShotTask t = new IdxPlugin().load(o, new TaskRequest(2, Selection.FIRST, 0));
        assertThat(t.classes()).isEqualTo(3);
        assertThat(t.train().features()).isEqualTo(6);
        assertThat(t.train().labels()).containsExactly(0, 0, 1, 1, 2, 2);
        // Class 0's first example is row 0: values 0, 0.5, ... divided by the scale 2.
        assertThat(t.train().values()[1]).isEqualTo(0.25);
        assertThat(t.test().labels()).containsExactly(2, 1, 0);
    }

    @Test
    void idxReadsUnsignedByteImagesAndVerifiesGivenChecksums() throws IOException {
        double[] px = new double[4 * 4 * 4];
        java.util.Arrays.fill(px, 255);
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(0x08, new int[] {4, 4, 4}, px));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(0x08, new int[] {4}, new double[] {0, 1, 0, 1}));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(0x08, new int[] {2, 4, 4}, new double[32]));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(0x08, new int[] {2}, new double[] {1, 0}));
        FewShotTask t = new IdxPlugin().load(OptionDefaults.create(IdxPlugin.Options.class,
                Map.of("dir", dir.toString())), new TaskRequest(1, Selection.FIRST, 0));
        assertThat(t.train().values()).containsOnly(1.0);
        assertThat(t.classes()).isEqualTo(2);
        Map<String, String> wrong = Map.of("t10k-labels-idx1-ubyte", "0".repeat(64));
        assertThatThrownBy(() -> new IdxPlugin().load(OptionDefaults.create(IdxPlugin.Options.class,
                Map.of("dir", dir.toString(), "sha256", wrong, "scale", 1.0)), new TaskRequest(1, Selection.FIRST, 0))).isInstanceOf(DataException.class)
                .hasMessageContaining("SHA-256 mismatch").hasMessageContaining("t10k-labels-idx1-ubyte");
    }

    @Test
    void fashionMnistWithoutItsFilesSaysWhichPackageToInstall() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("none"));
        FashionMnistPlugin.Options o = new FashionMnistPlugin.Options(empty.toString());
        assertThat(new FashionMnistPlugin().missingData(o)).hasValueSatisfying(m ->
                assertThat(m).contains("apt-get install dataset-fashion-mnist").contains(empty.toString()));
        assertThatThrownBy(() -> new FashionMnistPlugin().load(o, new TaskRequest(1, Selection.FIRST, 0)))
                .isInstanceOf(DataException.class).hasMessageContaining("dataset-fashion-mnist");
    }

    Path csv(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    CsvPlugin.Options csvOptions(Path train, Path test, Object label) {
        Map<String, Object> o = new java.util.HashMap<>(Map.of("train", train.toString(), "labelColumn", label, "scale", 10.0));
        o.put("test", test == null ? null : test.toString());
        return OptionDefaults.create(CsvPlugin.Options.class, o);
    }

    @Test
    void csvMapsStringLabelsToSortedClassesAndDetectsTheHeader() throws IOException {
        Path train = csv("train.csv", "x1,species,x2\n1,setosa,2\n3,virginica,4\n5,setosa,6\n7,versicolor,8\n9,virginica,10\n"
                + "11,versicolor,12\n");
        Path test = csv("test.csv", "x1,species,x2\n20,virginica,30\n");
        FewShotTask t = new CsvPlugin().load(csvOptions(train, test, "species"), new TaskRequest(2, Selection.FIRST, 0));
        assertThat(t.classes()).isEqualTo(3);
        // setosa 0, versicolor 1, virginica 2; features scaled by 10.
        assertThat(t.train().labels()).containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(t.train().values()).startsWith(0.1, 0.2, 0.5, 0.6);
        assertThat(t.test().labels()).containsExactly(2);
        assertThat(t.test().values()).containsExactly(2.0, 3.0);
    }

    @Test
    void csvSplitsOneFileBySeedWhenThereIsNoTestFile() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(i % 2).append(',').append(i).append('\n');
        }
        Path one = csv("one.csv", sb.toString());
        CsvPlugin.Options o = OptionDefaults.create(CsvPlugin.Options.class,
                Map.of("train", one.toString(), "testFraction", 0.25, "splitSeed", 7L));
        FewShotTask t = new CsvPlugin().load(o, new TaskRequest(1, Selection.FIRST, 0));
        assertThat(t.test().count()).isEqualTo(5);
        assertThat(t.classes()).isEqualTo(2);
    }

    @Test
    void badCsvInputNamesFileLineAndColumn() throws IOException {
        Path ok = csv("ok.csv", "a,1,2\nb,3,4\n");
        assertThatThrownBy(() -> load(csv("ragged.csv", "a,1,2\nb,3\n"), ok)).hasMessageContaining("ragged.csv, line 2")
                .hasMessageContaining("2 columns");
        assertThatThrownBy(() -> load(csv("word.csv", "a,1,2\nb,3,four\n"), ok)).hasMessageContaining("word.csv, line 2, column 3")
                .hasMessageContaining("'four' is not a number");
        assertThatThrownBy(() -> load(ok, csv("unknown.csv", "c,1,2\n"))).hasMessageContaining("unknown.csv, line 1")
                .hasMessageContaining("label 'c' never occurs");
        assertThatThrownBy(() -> load(csv("empty.csv", ""), ok)).hasMessageContaining("empty.csv: empty");
    }

    private void load(Path train, Path test) {
        new CsvPlugin().load(csvOptions(train, test, 0), new TaskRequest(1, Selection.FIRST, 0));
    }
}
