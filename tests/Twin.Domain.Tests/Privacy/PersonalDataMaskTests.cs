using Twin.Domain.Privacy;

namespace Twin.Domain.Tests.Privacy;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("李", "李*")]
    [InlineData("  王小明 ", "王**")]
    public void A_Chinese_name_keeps_only_its_first_character(string name, string masked)
    {
        Assert.Equal(masked, PersonalDataMask.MaskName(name));
    }

    [Theory]
    [InlineData("13812341234")]
    [InlineData("138 1234 1234")]
    [InlineData("138-1234-1234")]
    [InlineData("+86 138 1234 1234")]
    [InlineData("+86-13812341234")]
    [InlineData("0086 13812341234")]
    public void A_mobile_number_shows_its_first_three_and_last_four_digits(string phone)
    {
        Assert.Equal("138****1234", PersonalDataMask.MaskPhone(phone));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_given_masks_to_nothing(string? input)
    {
        Assert.Equal(string.Empty, PersonalDataMask.MaskName(input));
        Assert.Equal(string.Empty, PersonalDataMask.MaskPhone(input));
    }

    [Fact]
    public void A_short_number_reveals_at_most_its_last_two_digits()
    {
        Assert.Equal("***10", PersonalDataMask.MaskPhone("12310"));
    }
}
