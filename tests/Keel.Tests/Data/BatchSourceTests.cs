using Keel.Data;
using Keel.Tensors;

namespace Keel.Tests.Data;

public sealed class BatchSourceTests
{
    private static float[] Ids(Batch b) => b.Targets.ToArray();

    [Fact]
    public void Random_batches_draw_with_replacement_in_range_and_copy_the_right_rows()
    {
        var data = DatasetTests.Numbered(5);
        var batches = new RandomBatches(data, batchSize: 12, new Generator(1));
        for (int step = 0; step < 20; step++)
        {
            var batch = batches.Next();
            var ids = Ids(batch);
            Assert.Equal(12, batch.Count);
            Assert.All(ids, id => Assert.InRange(id, 0f, 4f));
            Assert.True(ids.Distinct().Count() < ids.Length); // 12 draws from 5 must repeat
            Assert.Equal(batches.LastIndices.ToArray().Select(i => (float)i), ids);
            for (int i = 0; i < 12; i++) Assert.Equal(ids[i] + 10f, batch.Features.Data[2 * i + 1]);
        }
    }

    [Fact]
    public void Random_batches_repeat_for_a_seed_and_resume_from_a_saved_state()
    {
        var data = DatasetTests.Numbered(100);
        var a = new RandomBatches(data, 8, new Generator(3));
        var b = new RandomBatches(data, 8, new Generator(3));
        for (int i = 0; i < 5; i++) Assert.Equal(Ids(a.Next()), Ids(b.Next()));
        var state = a.GetState();
        var expected = Enumerable.Range(0, 4).Select(_ => Ids(a.Next())).ToList();
        var resumed = new RandomBatches(data, 8, new Generator(999));
        resumed.SetState(state);
        Assert.Equal(expected, Enumerable.Range(0, 4).Select(_ => Ids(resumed.Next())));
        Assert.Equal(9, resumed.GetState().BatchesDrawn);
    }

    [Fact]
    public void Each_epoch_covers_every_example_once_with_the_last_batch_partial()
    {
        var batches = new EpochBatches(DatasetTests.Numbered(10), batchSize: 4, new Generator(5));
        Assert.Equal(3, batches.BatchesPerEpoch);
        var epochs = new List<float[]>();
        for (int epoch = 1; epoch <= 3; epoch++)
        {
            var sizes = new List<int>();
            var seen = new List<float>();
            for (int i = 0; i < 3; i++)
            {
                var batch = batches.Next();
                sizes.Add(batch.Count);
                seen.AddRange(Ids(batch));
            }
            Assert.Equal(epoch, batches.Epoch);
            Assert.Equal([4, 4, 2], sizes);
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (float)i), seen.Order());
            epochs.Add([.. seen]);
        }
        Assert.NotEqual(epochs[0], epochs[1]);
    }

    [Fact]
    public void Drop_last_skips_the_partial_batch_and_no_shuffle_keeps_order()
    {
        var batches = new EpochBatches(DatasetTests.Numbered(10), batchSize: 4, new Generator(5), dropLast: true, shuffle: false);
        Assert.Equal(2, batches.BatchesPerEpoch);
        Assert.Equal([0f, 1, 2, 3], Ids(batches.Next()));
        Assert.Equal([4f, 5, 6, 7], Ids(batches.Next()));
        Assert.Equal([0f, 1, 2, 3], Ids(batches.Next()));
        Assert.Equal(2, batches.Epoch);
        Assert.Throws<ArgumentException>(() => new EpochBatches(DatasetTests.Numbered(3), 4, new Generator(1), dropLast: true));
    }

    [Fact]
    public void Epoch_batches_resume_mid_epoch_exactly()
    {
        var data = DatasetTests.Numbered(23);
        var a = new EpochBatches(data, 5, new Generator(8));
        for (int i = 0; i < 7; i++) a.Next();
        var state = a.GetState();
        var expected = Enumerable.Range(0, 9).Select(_ => Ids(a.Next())).ToList();
        var resumed = new EpochBatches(data, 5, new Generator(1));
        resumed.SetState(state);
        Assert.Equal(expected, Enumerable.Range(0, 9).Select(_ => Ids(resumed.Next())));
        Assert.Equal(a.Epoch, resumed.Epoch);
    }

    [Fact]
    public void Disposing_a_source_returns_its_batch_tensors_to_the_pool()
    {
        var batches = new EpochBatches(DatasetTests.Numbered(10), 4, new Generator(1));
        var batch = batches.Next();
        batches.Dispose();
        Assert.Throws<InvalidOperationException>(() => batch.Features.Data.Length);
    }

    [Fact]
    public void Full_batches_are_the_whole_dataset_in_order()
    {
        var data = DatasetTests.Numbered(6);
        var full = new FullBatches(data);
        var batch = full.Next();
        Assert.Same(data.Features, batch.Features);
        Assert.Equal([0f, 1, 2, 3, 4, 5], Ids(full.Next()));
        Assert.Equal(2, full.GetState().BatchesDrawn);
    }

    [Fact]
    public void Invalid_batch_sizes_and_empty_datasets_are_rejected()
    {
        Assert.Contains("0", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomBatches(DatasetTests.Numbered(3), 0, new Generator(1))).Message);
        Assert.Throws<ArgumentException>(() => new EpochBatches(DatasetTests.Numbered(0), 2, new Generator(1)));
    }

    [Fact]
    public void Batches_reuse_their_tensors_and_allocate_nothing_after_warm_up()
    {
        long buffers = -1, bytes = -1;
        bool reused = true;
        var thread = new Thread(() =>
        {
            var data = DatasetTests.Numbered(1000);
            var random = new RandomBatches(data, 32, new Generator(2));
            var epochs = new EpochBatches(data, 32, new Generator(2), shuffle: false);
            var first = random.Next();
            for (int i = 0; i < 40; i++) epochs.Next(); // creates the partial-batch tensors
            long buffersBefore = BufferPool.AllocationsOnThisThread;
            long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 500; i++)
            {
                var batch = random.Next();
                reused &= ReferenceEquals(first.Features, batch.Features);
                epochs.Next();
            }
            bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            buffers = BufferPool.AllocationsOnThisThread - buffersBefore;
        });
        thread.Start();
        thread.Join();
        Assert.True(reused);
        Assert.Equal(0, buffers);
        Assert.Equal(0, bytes);
    }
}
